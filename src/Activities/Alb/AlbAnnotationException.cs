namespace RolloutWorkflows.Activities.Alb;

/// <summary>
/// An Ingress or Rollout setting that prevents writing ALB annotations (corrupt bookkeeping JSON, an
/// action already managed by another rollout, an invalid stickiness duration). Retrying cannot help;
/// <see cref="Path"/> names the field and the message says how to fix it.
/// </summary>
public sealed class AlbAnnotationException : Exception
{
    public AlbAnnotationException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    public AlbAnnotationException(string path, string problem, Exception inner)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The field at fault, e.g. <c>ingress/web.metadata.annotations[rollouts.argoproj.io/managed-alb-annotations]</c>.</summary>
    public string Path { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Problem { get; }
}
