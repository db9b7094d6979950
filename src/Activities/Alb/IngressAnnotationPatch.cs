namespace RolloutWorkflows.Activities.Alb;

using System.Text;

/// <summary>
/// A JSON merge patch (RFC 7386) of Ingress annotations: only keys whose value changes, <c>null</c> for
/// removed keys, keys sorted and strings escaped as Go does; the empty string when nothing changes
/// (callers then skip the PATCH, and go on to the next ingress).
/// </summary>
public static class IngressAnnotationPatch
{
    public static string Compute(IReadOnlyDictionary<string, string>? current, IReadOnlyDictionary<string, string> desired)
    {
        current ??= new Dictionary<string, string>();
        var changes = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in desired)
        {
            if (!current.TryGetValue(key, out var old) || old != value)
            {
                changes[key] = value;
            }
        }

        foreach (var key in current.Keys.Where(k => !desired.ContainsKey(k)))
        {
            changes[key] = null;
        }

        if (changes.Count == 0)
        {
            return "";
        }

        var json = new StringBuilder("{\"metadata\":{\"annotations\":{");
        var first = true;
        foreach (var (key, value) in changes)
        {
            if (!first)
            {
                json.Append(',');
            }

            first = false;
            GoJson.AppendQuoted(json, key);
            json.Append(':');
            if (value is null)
            {
                json.Append("null");
            }
            else
            {
                GoJson.AppendQuoted(json, value);
            }
        }

        return json.Append("}}}").ToString();
    }
}
