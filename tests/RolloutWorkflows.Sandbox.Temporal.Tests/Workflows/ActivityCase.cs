namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

/// <summary>Which activity <see cref="ActivityCaseWorkflow"/> runs and with which timeouts and retry policy (0 = unset).</summary>
public sealed record ActivityCase(
    string Activity,
    int StartToCloseMs = 10_000,
    int ScheduleToCloseMs = 0,
    int HeartbeatMs = 0,
    int MaxAttempts = 0,
    int InitialIntervalMs = 50,
    string? NonRetryableType = null);
