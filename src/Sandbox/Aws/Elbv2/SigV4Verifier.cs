namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

/// <summary>
/// Verifies AWS Signature Version 4 `Authorization` headers, written from the public specification:
/// canonical request, string to sign, then the HMAC-SHA256 key chain date → region → service → aws4_request.
/// </summary>
public sealed partial class SigV4Verifier
{
    internal const string Algorithm = "AWS4-HMAC-SHA256";
    private readonly Dictionary<string, Elbv2Credential> credentials;
    private readonly string region;
    private readonly string service;
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan maxSkew;

    /// <summary>Initializes a new instance of the <see cref="SigV4Verifier"/> class.</summary>
    public SigV4Verifier(IEnumerable<Elbv2Credential> credentials, string region, string service, TimeProvider timeProvider, TimeSpan maxSkew)
    {
        this.credentials = credentials.ToDictionary(c => c.AccessKeyId, StringComparer.Ordinal);
        this.region = region;
        this.service = service;
        this.timeProvider = timeProvider;
        this.maxSkew = maxSkew;
    }

    /// <summary>Returns the credential that signed the request, or throws the <see cref="Elbv2Exception"/> AWS would answer.</summary>
    public Elbv2Credential Verify(Elbv2HttpRequest request)
    {
        var authorization = request.Header("authorization");
        if (string.IsNullOrEmpty(authorization))
        {
            throw new Elbv2Exception(HttpStatusCode.Forbidden, "MissingAuthenticationToken", "Request is missing Authentication Token");
        }

        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            throw Incomplete($"Unsupported authorization type; only {Algorithm} is accepted.");
        }

        var fields = authorization[Algorithm.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .Where(f => f.Length == 2)
            .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signedHeaders) || !fields.TryGetValue("Signature", out var signature))
        {
            throw Incomplete("Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.");
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            throw Incomplete($"Credential '{credential}' must be '<access key>/<yyyyMMdd>/<region>/<service>/aws4_request'.");
        }

        if (!credentials.TryGetValue(scope[0], out var known))
        {
            throw new Elbv2Exception(HttpStatusCode.Forbidden, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }

        var amzDate = request.Header("x-amz-date") ?? throw Incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        CheckTime(amzDate);
        CheckScope(scope, amzDate);
        var headerNames = signedHeaders.Split(';');
        if (!headerNames.Contains("host", StringComparer.Ordinal))
        {
            throw Incomplete("'Host' must be a signed header.");
        }

        var canonical = CanonicalRequest(request, headerNames, signedHeaders);
        var stringToSign = $"{Algorithm}\n{amzDate}\n{string.Join('/', scope[1..])}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var expected = Hex(HMACSHA256.HashData(SigningKey(known.SecretAccessKey, scope[1], scope[2], scope[3]), Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            throw new Elbv2Exception(
                HttpStatusCode.Forbidden,
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }

        return known;
    }

    /// <summary>Builds the canonical request of the specification (exposed for tests and diagnostics).</summary>
    public static string CanonicalRequest(Elbv2HttpRequest request, IReadOnlyList<string> headerNames, string signedHeaders)
    {
        var headers = new StringBuilder();
        foreach (var name in headerNames)
        {
            var values = request.Headers.GetValueOrDefault(name) ?? [];
            headers.Append(name).Append(':').Append(string.Join(',', values.Select(v => Spaces().Replace(v.Trim(), " ")))).Append('\n');
        }

        var payload = request.Header("x-amz-content-sha256") == "UNSIGNED-PAYLOAD" ? "UNSIGNED-PAYLOAD" : Hex(SHA256.HashData(request.Body));
        return $"{request.Method}\n{CanonicalUri(request.Path)}\n{CanonicalQuery(request.Query)}\n{headers}\n{signedHeaders}\n{payload}";
    }

    private void CheckTime(string amzDate)
    {
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw Incomplete($"X-Amz-Date '{amzDate}' must have the form yyyyMMddTHHmmssZ.");
        }

        var now = timeProvider.GetUtcNow();
        if (signedAt < now - maxSkew)
        {
            throw new Elbv2Exception(HttpStatusCode.Forbidden, "SignatureDoesNotMatch", $"Signature expired: {amzDate} is now earlier than {Stamp(now - maxSkew)} ({Stamp(now)} - {maxSkew.TotalMinutes} min.)");
        }

        if (signedAt > now + maxSkew)
        {
            throw new Elbv2Exception(HttpStatusCode.Forbidden, "SignatureDoesNotMatch", $"Signature not yet current: {amzDate} is still later than {Stamp(now + maxSkew)} ({Stamp(now)} + {maxSkew.TotalMinutes} min.)");
        }
    }

    private void CheckScope(string[] scope, string amzDate)
    {
        if (scope[1] != amzDate[..8])
        {
            throw new Elbv2Exception(HttpStatusCode.Forbidden, "SignatureDoesNotMatch", $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scope[1]}' != '{amzDate[..8]}'");
        }

        if (scope[2] != region)
        {
            throw new Elbv2Exception(HttpStatusCode.Forbidden, "SignatureDoesNotMatch", $"Credential should be scoped to a valid region, not '{scope[2]}'. This endpoint serves '{region}'.");
        }

        if (scope[3] != service)
        {
            throw new Elbv2Exception(HttpStatusCode.Forbidden, "SignatureDoesNotMatch", $"Credential should be scoped to correct service: '{service}'.");
        }
    }

    private static string CanonicalUri(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        // Non-S3 services encode each path segment once more (the path on the wire is already encoded).
        return string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
    }

    private static string CanonicalQuery(string query) => string.Join('&', query
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .Select(p => (Name: Encode(p[0]), Value: Encode(p.Length > 1 ? p[1] : "")))
        .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
        .Select(p => $"{p.Name}={p.Value}"));

    private static string Encode(string raw) => Uri.EscapeDataString(Uri.UnescapeDataString(raw));

    private static byte[] SigningKey(string secret, string date, string regionName, string serviceName)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(regionName));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(serviceName));
        return HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
    }

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static Elbv2Exception Incomplete(string message) => new(HttpStatusCode.BadRequest, "IncompleteSignature", message);

    [GeneratedRegex(" +")]
    private static partial Regex Spaces();
}
