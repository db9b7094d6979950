namespace RolloutWorkflows.Activities.Aws;

using Amazon;
using Amazon.Runtime;

/// <summary>Resolves the region and endpoint of the ELBv2 API the way the AWS SDKs do.</summary>
public static class Elbv2Endpoints
{
    /// <summary>Service-specific endpoint override variable (cross-SDK convention for ServiceId "Elastic Load Balancing v2").</summary>
    public const string ServiceEndpointVariable = "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2";

    /// <summary>Global endpoint override variable, used when the service-specific one is not set.</summary>
    public const string GlobalEndpointVariable = "AWS_ENDPOINT_URL";

    /// <summary>The region from <see cref="Elbv2ClientOptions.Region"/>, else the SDK chain (AWS_REGION, profile, IMDS).</summary>
    public static RegionEndpoint ResolveRegion(Elbv2ClientOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Region))
        {
            return RegionEndpoint.GetBySystemName(options.Region.Trim());
        }

        RegionEndpoint? region = null;
        try
        {
            region = FallbackRegionFactory.GetRegionEndpoint();
        }
        catch (AmazonClientException)
        {
            // Reported below with the fix.
        }

        return region ?? throw new InvalidOperationException(
            $"No AWS region: set {Elbv2ClientOptions.SectionName}:Region (e.g. us-west-2) or the AWS_REGION environment variable.");
    }

    /// <summary>The endpoint: options, then AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2, then AWS_ENDPOINT_URL, then
    /// <c>https://elasticloadbalancing.{region}.{partition dns suffix}</c>.</summary>
    public static Uri ResolveEndpoint(Elbv2ClientOptions options, RegionEndpoint region)
    {
        foreach (var (candidate, source) in new[]
        {
            (options.Endpoint, $"{Elbv2ClientOptions.SectionName}:Endpoint"),
            (Environment.GetEnvironmentVariable(ServiceEndpointVariable), ServiceEndpointVariable),
            (Environment.GetEnvironmentVariable(GlobalEndpointVariable), GlobalEndpointVariable),
        })
        {
            if (string.IsNullOrWhiteSpace(candidate))
            {
                continue;
            }

            return Uri.TryCreate(candidate.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri
                : throw new InvalidOperationException($"{source} '{candidate}' is not an absolute http(s) URL; use e.g. http://127.0.0.1:4566.");
        }

        var suffix = string.IsNullOrEmpty(region.PartitionDnsSuffix) ? "amazonaws.com" : region.PartitionDnsSuffix;
        return new Uri($"https://elasticloadbalancing.{region.SystemName}.{suffix}/");
    }
}
