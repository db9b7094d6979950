namespace RolloutWorkflows.Workflows.Contracts;

using System.Text.Json.Serialization;

/// <summary>What happens when a verification does not converge before its deadline.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerificationTimeoutAction>))]
public enum VerificationTimeoutAction
{
    Pause,
    Abort,
}
