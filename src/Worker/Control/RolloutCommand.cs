namespace RolloutWorkflows.Worker.Control;

/// <summary>The operator commands, each a workflow update of the same name.</summary>
public enum RolloutCommand
{
    Promote,
    PromoteFull,
    Abort,
    Pause,
    Resume,
    Retry,
    Delete,
}
