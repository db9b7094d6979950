namespace RolloutWorkflows.Activities.Aws;

using Amazon;
using Amazon.Runtime;

/// <summary>Where and as whom the ELBv2 client talks: region (also the SigV4 signing region), endpoint and credentials,
/// resolved once per process.</summary>
public sealed record Elbv2Connection(RegionEndpoint Region, Uri Endpoint, AWSCredentials Credentials)
{
    /// <summary>Resolves region and endpoint from <paramref name="options"/> and the environment; credentials default to the SDK chain.</summary>
    public static Elbv2Connection Resolve(Elbv2ClientOptions options, AWSCredentials? credentials = null)
    {
        options.Validate();
        var region = Elbv2Endpoints.ResolveRegion(options);
        return new Elbv2Connection(region, Elbv2Endpoints.ResolveEndpoint(options, region), credentials ?? new DefaultChainCredentials());
    }
}
