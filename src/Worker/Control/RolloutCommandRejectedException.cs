namespace RolloutWorkflows.Worker.Control;

/// <summary>The rollout's workflow refused an operator command; the message is the workflow's reason.</summary>
public sealed class RolloutCommandRejectedException : Exception
{
    public RolloutCommandRejectedException()
    {
    }

    public RolloutCommandRejectedException(string message)
        : base(message)
    {
    }

    public RolloutCommandRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
