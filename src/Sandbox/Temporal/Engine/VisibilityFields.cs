namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using System.Globalization;
using Temporalio.Api.Enums.V1;

/// <summary>Reads a run's visibility fields and compares them with query values by attribute type.</summary>
internal static class VisibilityFields
{
    public static IndexedValueType TypeOf(SandboxNamespace ns, string field) =>
        SearchAttributeValues.System.TryGetValue(field, out var type) ? type : ns.SearchAttributes[field];

    public static IReadOnlyList<string> Values(WorkflowRun run, string field) => field switch
    {
        "WorkflowType" => [run.WorkflowType],
        "WorkflowId" => [run.WorkflowId],
        "RunId" => [run.RunId],
        "TaskQueue" => [run.TaskQueue],
        "ExecutionStatus" => [run.Status.ToString()],
        "StartTime" => [Iso(run.StartTime)],
        "ExecutionTime" => [Iso(run.ExecutionTime)],
        "CloseTime" => run.CloseTime is { } closed ? [Iso(closed)] : [],
        "HistoryLength" => [run.History.Count.ToString(CultureInfo.InvariantCulture)],
        _ => run.SearchAttributes.IndexedFields.TryGetValue(field, out var payload) ? SearchAttributeValues.ReadValues(payload) : [],
    };

    public static string SortKey(WorkflowRun run, string field) => Values(run, field) is [var first, ..] ? first : "";

    public static bool Compare(WorkflowRun run, string field, IndexedValueType type, string op, string operand)
    {
        var values = Values(run, field);
        if (op == "!=")
        {
            return !values.Any(value => Equal(type, value, operand));
        }

        return values.Any(value => op == "=" ? Equal(type, value, operand) : Order(type, value, operand, op));
    }

    private static bool Equal(IndexedValueType type, string value, string operand) => type switch
    {
        IndexedValueType.Int or IndexedValueType.Double => Number(value) == Number(operand),
        IndexedValueType.Datetime => Date(value) == Date(operand),
        IndexedValueType.Bool => string.Equals(value, operand, StringComparison.OrdinalIgnoreCase),

        // Text is full-text searched: a match on any part of the text counts.
        IndexedValueType.Text => value.Contains(operand, StringComparison.OrdinalIgnoreCase),
        _ => value == operand,
    };

    private static bool Order(IndexedValueType type, string value, string operand, string op)
    {
        var comparison = type switch
        {
            IndexedValueType.Int or IndexedValueType.Double => Number(value).CompareTo(Number(operand)),
            IndexedValueType.Datetime => Date(value).CompareTo(Date(operand)),
            _ => string.CompareOrdinal(value, operand),
        };
        return op switch
        {
            ">" => comparison > 0,
            ">=" => comparison >= 0,
            "<" => comparison < 0,
            "<=" => comparison <= 0,
            _ => false,
        };
    }

    private static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN;

    private static DateTime Date(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) ? date : DateTime.MinValue;

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
