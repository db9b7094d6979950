namespace RolloutWorkflows.Workflows.Contracts;

using System.Text.Json.Serialization;

/// <summary>Which plan the workflow is executing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RolloutStage>))]
public enum RolloutStage
{
    /// <summary>Nothing to do: the stable revision serves all traffic (or nothing was deployed yet).</summary>
    Idle,

    /// <summary>Rolling out <see cref="RolloutState.Current"/>.</summary>
    Updating,

    /// <summary>Moving traffic back to stable after an abort.</summary>
    Aborting,

    /// <summary>Aborted; waiting for Retry, a new revision or Delete.</summary>
    Aborted,

    /// <summary>Moving traffic back to stable because a newer revision arrived.</summary>
    Superseding,

    /// <summary>Resetting the managed annotations before the workflow ends.</summary>
    Deleting,
}
