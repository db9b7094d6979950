namespace RolloutWorkflows.Sandbox.Aws.Lbc;

/// <summary>What the LBC simulator did; thread-safe.</summary>
public sealed class LbcCounters
{
    private int reconciles;
    private int applies;
    private int statusPatches;
    private int events;
    private int bindings;
    private int registered;
    private int deregistered;
    private int errors;
    private int gateConditions;

    /// <summary>Gets the reconcile passes run (Kubernetes read and model built).</summary>
    public int Reconciles => Volatile.Read(ref reconciles);

    /// <summary>Gets the times a changed model was written to ELBv2.</summary>
    public int Applies => Volatile.Read(ref applies);

    /// <summary>Gets the Ingress status patches.</summary>
    public int StatusPatches => Volatile.Read(ref statusPatches);

    /// <summary>Gets the `SuccessfullyReconciled` events recorded.</summary>
    public int EventsRecorded => Volatile.Read(ref events);

    /// <summary>Gets the TargetGroupBinding objects created.</summary>
    public int BindingsCreated => Volatile.Read(ref bindings);

    /// <summary>Gets the targets registered.</summary>
    public int TargetsRegistered => Volatile.Read(ref registered);

    /// <summary>Gets the targets deregistered.</summary>
    public int TargetsDeregistered => Volatile.Read(ref deregistered);

    /// <summary>Gets the pod readiness-gate condition patches (<c>target-health.elbv2.k8s.aws/...</c>).</summary>
    public int GateConditionsPatched => Volatile.Read(ref gateConditions);

    /// <summary>Gets the failed passes or side effects.</summary>
    public int Errors => Volatile.Read(ref errors);

    internal void Reconciled() => Interlocked.Increment(ref reconciles);

    internal void Applied(AlbApplyResult result)
    {
        Interlocked.Increment(ref applies);
        Interlocked.Add(ref registered, result.TargetsRegistered);
        Interlocked.Add(ref deregistered, result.TargetsDeregistered);
    }

    internal void StatusPatched() => Interlocked.Increment(ref statusPatches);

    internal void EventRecorded() => Interlocked.Increment(ref events);

    internal void BindingCreated() => Interlocked.Increment(ref bindings);

    internal void GateConditionPatched() => Interlocked.Increment(ref gateConditions);

    internal void Failed() => Interlocked.Increment(ref errors);
}
