namespace RolloutWorkflows.Worker.Demo;

/// <summary>
/// What one scenario deploys and expects: the embedded example manifest, the ingress the traffic goes through,
/// the image of revision 2, and the phase it must end in.
/// </summary>
public sealed record DemoScript(DemoScenario Scenario, string Manifest, string Ingress, string Container, string NewImage, string ExpectedPhase, bool AbortAfterFirstStep)
{
    /// <summary>The script of a scenario.</summary>
    public static DemoScript For(DemoScenario scenario) => scenario switch
    {
        DemoScenario.Canary => new(scenario, "rollout.yaml", "web", "web", "nginx:1.28", "Healthy", false),
        DemoScenario.PingPong => new(scenario, "pingpong.yaml", "web-pp", "web", "nginx:1.28", "Healthy", false),
        DemoScenario.BlueGreen => new(scenario, "bluegreen.yaml", "web-bg", "web", "nginx:1.28", "Healthy", false),
        DemoScenario.Abort => new(scenario, "rollout.yaml", "web", "web", "nginx:1.28", "Degraded", true),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "unknown scenario"),
    };

    /// <summary>The manifest text: the Rollout plus the Services and Ingress it needs.</summary>
    public string ReadManifest() => DemoManifests.Read(Manifest) + (Manifest == "rollout.yaml" ? "\n---\n" + DemoManifests.Read("services.yaml") + "\n---\n" + DemoManifests.Read("ingress.yaml") : "");
}
