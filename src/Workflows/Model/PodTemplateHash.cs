namespace RolloutWorkflows.Workflows.Model;

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

/// <summary>
/// The <c>rollouts-pod-template-hash</c> label value for a pod template, in the same shape as Argo's
/// (and Kubernetes Deployments'): up to 10 characters from <c>bcdfghjklmnpqrstvwxz2456789</c>.
/// </summary>
/// <remarks>
/// Algorithm (stable across processes, platforms and source key order):
/// 1. Serialize the template with <see cref="CanonicalJson"/> (sorted keys, compact, integral numbers).
/// 2. If a collision count is given, append its decimal digits (as Kubernetes does to re-hash after a
///    name collision).
/// 3. Hash the UTF-8 bytes with 32-bit FNV-1a.
/// 4. Write the hash in decimal and map every character c to <c>alphabet[c % 27]</c>, which is
///    Kubernetes' <c>rand.SafeEncodeString</c>; this avoids vowels (no accidental words) and look-alikes.
/// Argo hashes Go's in-memory struct dump instead of JSON, so the values differ from Argo's for the
/// same template; only the format and the stability are the same.
/// </remarks>
public static class PodTemplateHash
{
    /// <summary>The label ReplicaSets and Service selectors carry.</summary>
    public const string LabelKey = "rollouts-pod-template-hash";

    private static string Alphabet => "bcdfghjklmnpqrstvwxz2456789";

    private static uint FnvOffset => 2166136261;

    private static uint FnvPrime => 16777619;

    public static string Compute(JsonNode? template, int? collisionCount = null)
    {
        var text = CanonicalJson.Write(template);
        if (collisionCount is { } count)
        {
            text += count.ToString(CultureInfo.InvariantCulture);
        }

        var hash = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= FnvPrime;
        }

        var digits = hash.ToString(CultureInfo.InvariantCulture);
        var encoded = new StringBuilder(digits.Length);
        foreach (var c in digits)
        {
            encoded.Append(Alphabet[c % Alphabet.Length]);
        }

        return encoded.ToString();
    }
}
