namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using System.Globalization;
using System.Text;
using Google.Protobuf;

/// <summary>What a task token names: a workflow task, a legacy query task or an activity attempt.</summary>
internal sealed record TaskToken(string Kind, string Namespace, string RunId, long ScheduledEventId, int Attempt, string QueryId)
{
    public const string WorkflowKind = "wft";
    public const string QueryKind = "query";
    public const string ActivityKind = "activity";

    public ByteString Encode() => ByteString.CopyFromUtf8(
        string.Join('\n', Kind, Namespace, RunId, ScheduledEventId.ToString(CultureInfo.InvariantCulture), Attempt.ToString(CultureInfo.InvariantCulture), QueryId));

    public static TaskToken Decode(ByteString token, string expectedKind)
    {
        var parts = Encoding.UTF8.GetString(token.Span).Split('\n');
        if (parts.Length != 6 || parts[0] != expectedKind
            || !long.TryParse(parts[3], CultureInfo.InvariantCulture, out var scheduled)
            || !int.TryParse(parts[4], CultureInfo.InvariantCulture, out var attempt))
        {
            throw RpcErrors.InvalidArgument($"task_token is not a {expectedKind} task token issued by this server.");
        }

        return new TaskToken(parts[0], parts[1], parts[2], scheduled, attempt, parts[5]);
    }
}
