namespace RolloutWorkflows.Workflows.Planning;

/// <summary>Replica counts of a traffic-routed canary (B11 "Replica math").</summary>
public static class ReplicaMath
{
    /// <summary>ceil(weight x replicas / 100).</summary>
    public static int CanaryReplicas(int weight, int replicas) => Ceiling(Clamp(weight) * replicas);

    /// <summary>
    /// With <c>dynamicStableScale</c>: what the stable ReplicaSet must keep for the traffic still on it,
    /// ceil((100 - weight) x replicas / 100). The weight must be a verified one (argo issue 3926).
    /// </summary>
    public static int DynamicStableReplicas(int verifiedCanaryWeight, int replicas) =>
        Ceiling((100 - Clamp(verifiedCanaryWeight)) * replicas);

    private static int Clamp(int weight) => Math.Clamp(weight, 0, 100);

    private static int Ceiling(int hundredths) => (hundredths + 99) / 100;
}
