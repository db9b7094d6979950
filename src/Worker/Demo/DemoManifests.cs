namespace RolloutWorkflows.Worker.Demo;

/// <summary>The repository's examples/ files, embedded so the demo runs from any directory (and in the container image).</summary>
public static class DemoManifests
{
    /// <summary>Reads <c>examples/&lt;name&gt;</c>.</summary>
    public static string Read(string name)
    {
        using var stream = typeof(DemoManifests).Assembly.GetManifestResourceStream($"examples/{name}")
            ?? throw new InvalidOperationException($"examples/{name} is not embedded in the rollouts assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
