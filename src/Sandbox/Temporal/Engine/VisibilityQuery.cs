namespace RolloutWorkflows.Sandbox.Temporal.Engine;

/// <summary>
/// A parsed list filter: the subset of Temporal's visibility language people use (system fields such as
/// WorkflowType, WorkflowId, ExecutionStatus and registered custom attributes; comparisons, IN, AND, OR,
/// NOT, parentheses; ORDER BY). Parsed into a predicate over runs.
/// </summary>
internal sealed class VisibilityQuery
{
    private readonly string query;
    private readonly List<VisibilityToken> tokens;
    private readonly SandboxNamespace ns;
    private int position;

    private VisibilityQuery(string query, SandboxNamespace ns)
    {
        this.query = query;
        this.ns = ns;
        tokens = VisibilityTokenizer.Tokenize(query);
    }

    public Func<WorkflowRun, bool> Filter { get; private set; } = _ => true;

    public string OrderField { get; private set; } = "StartTime";

    public bool Descending { get; private set; } = true;

    public static VisibilityQuery Parse(string query, SandboxNamespace ns)
    {
        var parsed = new VisibilityQuery(query ?? "", ns);
        parsed.ParseAll();
        return parsed;
    }

    /// <summary>Filters and orders runs (newest first unless ORDER BY says otherwise).</summary>
    public IEnumerable<WorkflowRun> Apply(IEnumerable<WorkflowRun> runs)
    {
        var indexed = runs.Select((run, index) => (run, index)).Where(pair => Filter(pair.run)).ToList();
        var ordered = Descending
            ? indexed.OrderByDescending(pair => VisibilityFields.SortKey(pair.run, OrderField)).ThenByDescending(pair => pair.index)
            : indexed.OrderBy(pair => VisibilityFields.SortKey(pair.run, OrderField)).ThenBy(pair => pair.index);
        return ordered.Select(pair => pair.run);
    }

    private void ParseAll()
    {
        if (tokens.Count > 0 && !Peek().IsWord("ORDER"))
        {
            Filter = ParseOr();
        }

        if (position < tokens.Count && Peek().IsWord("ORDER"))
        {
            position++;
            Expect(token => token.IsWord("BY"), "BY after ORDER");
            OrderField = RequireField(Next().Text);
            if (position < tokens.Count && (Peek().IsWord("ASC") || Peek().IsWord("DESC")))
            {
                Descending = Next().IsWord("DESC");
            }
        }

        if (position < tokens.Count)
        {
            throw VisibilityTokenizer.Invalid(query, $"unexpected '{Peek().Text}'");
        }
    }

    private Func<WorkflowRun, bool> ParseOr()
    {
        var left = ParseAnd();
        while (position < tokens.Count && Peek().IsWord("OR"))
        {
            position++;
            var (a, b) = (left, ParseAnd());
            left = run => a(run) || b(run);
        }

        return left;
    }

    private Func<WorkflowRun, bool> ParseAnd()
    {
        var left = ParseFactor();
        while (position < tokens.Count && Peek().IsWord("AND"))
        {
            position++;
            var (a, b) = (left, ParseFactor());
            left = run => a(run) && b(run);
        }

        return left;
    }

    private Func<WorkflowRun, bool> ParseFactor()
    {
        if (Peek().IsWord("NOT"))
        {
            position++;
            var inner = ParseFactor();
            return run => !inner(run);
        }

        if (Peek().IsSymbol("("))
        {
            position++;
            var inner = ParseOr();
            Expect(token => token.IsSymbol(")"), "')'");
            return inner;
        }

        var field = RequireField(Expect(token => token.Kind == VisibilityTokenKind.Word, "a field name").Text);
        var type = VisibilityFields.TypeOf(ns, field);
        if (Peek().IsWord("IN"))
        {
            position++;
            Expect(token => token.IsSymbol("("), "'(' after IN");
            var values = new List<string> { ReadValue() };
            while (Peek().IsSymbol(","))
            {
                position++;
                values.Add(ReadValue());
            }

            Expect(token => token.IsSymbol(")"), "')'");
            return run => values.Exists(value => VisibilityFields.Compare(run, field, type, "=", value));
        }

        var op = Expect(token => token.Kind == VisibilityTokenKind.Operator, "a comparison operator").Text;
        var operand = ReadValue();
        return run => VisibilityFields.Compare(run, field, type, op, operand);
    }

    private string ReadValue()
    {
        var token = Next();
        return token.Kind is VisibilityTokenKind.String or VisibilityTokenKind.Word
            ? token.Text
            : throw VisibilityTokenizer.Invalid(query, $"expected a value but found '{token.Text}'");
    }

    private string RequireField(string name)
    {
        if (SearchAttributeValues.System.ContainsKey(name) || ns.SearchAttributes.ContainsKey(name))
        {
            return name;
        }

        throw VisibilityTokenizer.Invalid(query, $"unknown search attribute {name}");
    }

    private VisibilityToken Peek() =>
        position < tokens.Count ? tokens[position] : throw VisibilityTokenizer.Invalid(query, "unexpected end of query");

    private VisibilityToken Next()
    {
        var token = Peek();
        position++;
        return token;
    }

    private VisibilityToken Expect(Func<VisibilityToken, bool> test, string what)
    {
        var token = Next();
        return test(token) ? token : throw VisibilityTokenizer.Invalid(query, $"expected {what} but found '{token.Text}'");
    }
}
