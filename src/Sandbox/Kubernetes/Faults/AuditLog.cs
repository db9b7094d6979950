namespace RolloutWorkflows.Sandbox.Kubernetes.Faults;

/// <summary>
/// Every write request the API server received (create, update, patch, delete, deletecollection),
/// with its answer, so a test can prove that bad input wrote nothing.
/// </summary>
public sealed class AuditLog
{
    private readonly Lock gate = new();
    private readonly List<AuditEntry> entries = [];

    public IReadOnlyList<AuditEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. entries];
            }
        }
    }

    /// <summary>Gets the writes that changed something (2xx answers).</summary>
    public IReadOnlyList<AuditEntry> SuccessfulWrites => [.. Entries.Where(e => e.StatusCode is >= 200 and < 300)];

    public void Record(AuditEntry entry)
    {
        lock (gate)
        {
            entries.Add(entry);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }
}
