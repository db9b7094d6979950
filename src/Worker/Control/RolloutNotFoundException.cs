namespace RolloutWorkflows.Worker.Control;

/// <summary>No rollout workflow exists with this namespace and name in the Temporal namespace.</summary>
public sealed class RolloutNotFoundException : Exception
{
    public RolloutNotFoundException()
    {
    }

    public RolloutNotFoundException(string message)
        : base(message)
    {
    }

    public RolloutNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
