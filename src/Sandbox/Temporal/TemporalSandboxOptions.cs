namespace RolloutWorkflows.Sandbox.Temporal;

using Temporalio.Api.Enums.V1;

/// <summary>Settings of one in-memory Temporal-compatible sandbox server.</summary>
public sealed class TemporalSandboxOptions
{
    /// <summary>Gets or sets the loopback address to bind; the sandbox never listens beyond the machine.</summary>
    public string Host { get; set; } = SandboxInfo.LoopbackAddress;

    /// <summary>Gets or sets the TCP port; 0 picks a free port (read it back from <see cref="TemporalSandboxServer.Port"/>).</summary>
    public int Port { get; set; }

    /// <summary>Gets the namespaces served besides <c>default</c>, which always exists.</summary>
    public IList<string> Namespaces { get; } = new List<string>();

    /// <summary>Gets the custom search attributes registered in every namespace (name to type), as
    /// <c>temporal server start-dev --search-attribute NAME=TYPE</c> does.</summary>
    public IDictionary<string, IndexedValueType> SearchAttributes { get; } = new Dictionary<string, IndexedValueType>();

    /// <summary>Gets or sets a value indicating whether the server clock jumps to the next timer when nothing
    /// is running (the time-skipping test server's behaviour), so long pauses finish at once.</summary>
    public bool TimeSkipping { get; set; }

    /// <summary>Gets or sets the workflow task timeout used when a start request names none.</summary>
    public TimeSpan DefaultWorkflowTaskTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the largest history page returned when a request names no page size.</summary>
    public int HistoryPageSize { get; set; } = 1000;
}
