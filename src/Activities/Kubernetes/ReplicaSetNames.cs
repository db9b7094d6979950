namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>Names and labels shared with Argo Rollouts, so tools that know them keep working.</summary>
public static class ReplicaSetNames
{
    /// <summary>The label that tells revisions apart (Argo's name, kept for compatibility).</summary>
    public const string PodTemplateHashLabel = "rollouts-pod-template-hash";

    /// <summary>Annotation marking a Service whose selector a rollout manages.</summary>
    public const string ManagedByAnnotation = "argo-rollouts.argoproj.io/managed-by-rollouts";

    /// <summary>Annotation recording the rollout revision on a ReplicaSet.</summary>
    public const string RevisionAnnotation = "rollout.argoproj.io/revision";

    /// <summary>The ReplicaSet name of a revision.</summary>
    public static string For(string rolloutName, string podTemplateHash) => $"{rolloutName}-{podTemplateHash}";
}
