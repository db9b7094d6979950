namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Globalization;

/// <summary>The parameters of an AWS Query request (`application/x-www-form-urlencoded` body or query string).</summary>
public sealed class QueryParameters
{
    private readonly Dictionary<string, string> values;

    private QueryParameters(Dictionary<string, string> values) => this.values = values;

    /// <summary>Gets the operation name (`Action`).</summary>
    public string? Action => Get("Action");

    /// <summary>Parses a form-encoded string; `+` means space and `%XX` is percent-decoded, as HTML forms do.</summary>
    public static QueryParameters Parse(string form)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in form.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            result[name] = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
        }

        return new QueryParameters(result);
    }

    /// <summary>Gets a scalar parameter, or null when absent.</summary>
    public string? Get(string name) => values.GetValueOrDefault(name);

    /// <summary>Tells whether any parameter of the list or structure <paramref name="name"/> is present.</summary>
    public bool Has(string name) => values.ContainsKey(name) || values.Keys.Any(k => k.StartsWith(name + ".", StringComparison.Ordinal));

    /// <summary>Gets a list written as `Name.member.1..N`, in index order.</summary>
    public IReadOnlyList<string> GetList(string name)
    {
        var prefix = name + ".member.";
        return [.. values
            .Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(p.Key[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .OrderBy(p => int.Parse(p.Key[prefix.Length..], CultureInfo.InvariantCulture))
            .Select(p => p.Value)];
    }

    /// <summary>Gets a list of structures written as `Name.member.N.Field`, each as a field dictionary, in index order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> GetStructList(string name)
    {
        var prefix = name + ".member.";
        var members = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (key, value) in values.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var rest = key[prefix.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                if (!members.TryGetValue(index, out var fields))
                {
                    fields = new Dictionary<string, string>(StringComparer.Ordinal);
                    members[index] = fields;
                }

                fields[rest[(dot + 1)..]] = value;
            }
        }

        return [.. members.Values];
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
