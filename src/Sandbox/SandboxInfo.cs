namespace RolloutWorkflows.Sandbox;

/// <summary>Facts about the embedded sandbox shared by its parts.</summary>
public static class SandboxInfo
{
    /// <summary>Loopback address every sandbox server binds to.</summary>
    public const string LoopbackAddress = "127.0.0.1";
}
