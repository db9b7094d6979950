namespace RolloutWorkflows.Workflows.Contracts;

using System.Text.Json.Serialization;

/// <summary>The kind of a canary step.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CanaryStepKind>))]
public enum CanaryStepKind
{
    SetWeight,
    Pause,
    SetCanaryScale,
}
