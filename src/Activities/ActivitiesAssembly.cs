namespace RolloutWorkflows.Activities;

/// <summary>Marker for the activities assembly (used by DI registration and tests).</summary>
public static class ActivitiesAssembly
{
    /// <summary>The assembly name, for diagnostics.</summary>
    public static string Name => typeof(ActivitiesAssembly).Assembly.GetName().Name ?? "RolloutWorkflows.Activities";
}
