namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Globalization;
using System.Text;

/// <summary>Marker/PageSize paging with opaque base64 markers, PageSize 1..400 as in the API model.</summary>
public static class Elbv2Paging
{
    /// <summary>The largest page size (and the default when PageSize is absent).</summary>
    public const int MaxPageSize = 400;

    internal const string MarkerPrefix = "sandbox-page-v1:";

    /// <summary>Gets the page the request asks for and the marker of the next page (null on the last page).</summary>
    public static (IReadOnlyList<T> Page, string? NextMarker) Page<T>(IReadOnlyList<T> items, QueryParameters query)
    {
        var size = PageSize(query.Get("PageSize"));
        var offset = Offset(query.Get("Marker"));
        var page = items.Skip(offset).Take(size).ToList();
        var next = offset + size < items.Count ? Marker(offset + size) : null;
        return (page, next);
    }

    private static int PageSize(string? text)
    {
        if (text is null)
        {
            return MaxPageSize;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size))
        {
            throw Elbv2Exception.Validation($"PageSize '{text}' must be an integer between 1 and {MaxPageSize}.");
        }

        return size switch
        {
            < 1 => throw Elbv2Exception.Validation($"1 validation error detected: Value '{size}' at 'pageSize' failed to satisfy constraint: Member must have value greater than or equal to 1"),
            > MaxPageSize => throw Elbv2Exception.Validation($"1 validation error detected: Value '{size}' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to {MaxPageSize}"),
            _ => size,
        };
    }

    private static int Offset(string? marker)
    {
        if (string.IsNullOrEmpty(marker))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(marker));
            if (text.StartsWith(MarkerPrefix, StringComparison.Ordinal)
                && int.TryParse(text[MarkerPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the same error as a well-formed but foreign marker.
        }

        throw Elbv2Exception.Validation("Invalid Marker: pass the NextMarker of the previous page unchanged.");
    }

    private static string Marker(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(MarkerPrefix + offset.ToString(CultureInfo.InvariantCulture)));
}
