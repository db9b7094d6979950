namespace RolloutWorkflows.Activities.Aws;

using System.Text;

/// <summary>An AWS Query request body: <c>Action=..&amp;Version=2015-12-01&amp;...</c>, lists as <c>Name.member.N</c>,
/// values percent-encoded per RFC 3986 (which <see cref="Uri.EscapeDataString(string)"/> produces).</summary>
public sealed class Elbv2QueryRequest
{
    private readonly List<KeyValuePair<string, string>> parameters = [];

    public Elbv2QueryRequest(string action)
    {
        Action = action;
        Add("Action", action);
        Add("Version", Elbv2Operations.ApiVersion);
    }

    /// <summary>The Query action, e.g. <c>DescribeRules</c>.</summary>
    public string Action { get; }

    /// <summary>The parameters in the order they are written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => parameters;

    /// <summary>Adds one scalar parameter.</summary>
    public Elbv2QueryRequest Add(string name, string value)
    {
        parameters.Add(new(name, value));
        return this;
    }

    /// <summary>Adds a list as <c>name.member.1..N</c>.</summary>
    public Elbv2QueryRequest AddList(string name, IEnumerable<string> values)
    {
        var i = 0;
        foreach (var value in values)
        {
            Add($"{name}.member.{++i}", value);
        }

        return this;
    }

    /// <summary>A copy with a different (or first) <c>Marker</c>, for the next page.</summary>
    public Elbv2QueryRequest WithMarker(string? marker)
    {
        var copy = new Elbv2QueryRequest(Action);
        copy.parameters.Clear();
        copy.parameters.AddRange(parameters.Where(p => p.Key != "Marker"));
        if (!string.IsNullOrEmpty(marker))
        {
            copy.Add("Marker", marker);
        }

        return copy;
    }

    /// <summary>The form-encoded body.</summary>
    public string ToFormBody()
    {
        var body = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (body.Length > 0)
            {
                body.Append('&');
            }

            body.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return body.ToString();
    }

    /// <summary>The body as HTTP content with the Query protocol's content type.</summary>
    public HttpContent ToContent() => new StringContent(ToFormBody(), Encoding.UTF8, "application/x-www-form-urlencoded");
}
