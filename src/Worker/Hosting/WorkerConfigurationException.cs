namespace RolloutWorkflows.Worker.Hosting;

/// <summary>The worker's configuration is unusable; <see cref="Problems"/> names every bad setting and its fix.</summary>
public sealed class WorkerConfigurationException : Exception
{
    public WorkerConfigurationException(IReadOnlyList<string> problems)
        : base("invalid configuration:\n  " + string.Join("\n  ", problems))
    {
        Problems = problems;
    }

    public WorkerConfigurationException()
        : this([])
    {
    }

    public WorkerConfigurationException(string message)
        : this([message])
    {
    }

    public WorkerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
