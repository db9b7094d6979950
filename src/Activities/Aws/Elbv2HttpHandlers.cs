namespace RolloutWorkflows.Activities.Aws;

using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

/// <summary>Builds the primary HTTP handler of the ELBv2 client: AWSSDK.Core's <see cref="SigV4SigningHandler"/>
/// over a pooled <see cref="SocketsHttpHandler"/>. It must be the <em>primary</em> handler (ConfigurePrimaryHttpMessageHandler):
/// its constructor always sets an inner handler, so it cannot be added with AddHttpMessageHandler. Signing
/// every attempt here means retries (which run above the handler) are re-signed with fresh credentials.</summary>
public static class Elbv2HttpHandlers
{
    public static HttpMessageHandler CreateSigningHandler(AWSCredentials credentials, RegionEndpoint region) =>
        new SigV4SigningHandler(credentials, region, Elbv2Operations.SigningService, new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
}
