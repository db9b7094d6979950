namespace RolloutWorkflows.Worker.Demo;

/// <summary>What <c>rollouts demo --scenario</c> shows.</summary>
public enum DemoScenario
{
    /// <summary>The guide's canary: setWeight 20, pause 10s, setWeight 50, pause 10s, verified on the ALB.</summary>
    Canary,

    /// <summary>Ping-pong canary: the hats swap, no Service carrying traffic changes its selector.</summary>
    PingPong,

    /// <summary>Blue-green: preview, promotion, active switched after its target group is registered.</summary>
    BlueGreen,

    /// <summary>The canary aborted after its first verified step: traffic back to stable, phase Degraded.</summary>
    Abort,
}
