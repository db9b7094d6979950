namespace RolloutWorkflows.EndToEnd.Tests.Support;

using RolloutWorkflows.Worker.Demo;

/// <summary>The repository's examples/ manifests (the same embedded copies the demo deploys).</summary>
public static class Examples
{
    /// <summary>The guide's canary: Rollout web, Services web-canary/web-stable, Ingress web.</summary>
    public static string Canary => DemoManifests.Read("rollout.yaml") + "\n---\n" + DemoManifests.Read("services.yaml") + "\n---\n" + DemoManifests.Read("ingress.yaml");

    /// <summary>Ping-pong: Rollout web-pp, Services web-ping/web-pong/web-root, Ingress web-pp.</summary>
    public static string PingPong => DemoManifests.Read("pingpong.yaml");

    /// <summary>Blue-green: Rollout web-bg, Services web-active/web-preview, Ingress web-bg.</summary>
    public static string BlueGreen => DemoManifests.Read("bluegreen.yaml");
}
