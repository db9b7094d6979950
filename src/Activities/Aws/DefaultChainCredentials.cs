namespace RolloutWorkflows.Activities.Aws;

using Amazon.Runtime;
using Amazon.Runtime.Credentials;

/// <summary>Credentials that defer to the AWS SDK's default chain (<see cref="DefaultAWSCredentialsIdentityResolver"/>:
/// environment variables, web identity / IRSA, profile, container / EKS Pod Identity, IMDS) on every use.
/// Resolving lazily lets the process start without AWS access, and the resolver itself caches, refreshes
/// expiring credentials and re-resolves when the credential environment variables or files change.</summary>
public sealed class DefaultChainCredentials : AWSCredentials, IDisposable
{
    private readonly DefaultAWSCredentialsIdentityResolver resolver = new();

    /// <inheritdoc />
    public override ImmutableCredentials GetCredentials() => resolver.ResolveIdentity(null).GetCredentials();

    /// <inheritdoc />
    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        var identity = await resolver.ResolveIdentityAsync(null, CancellationToken.None);
        return await identity.GetCredentialsAsync();
    }

    /// <summary>The credentials type the chain resolved to (e.g. <c>AssumeRoleWithWebIdentityCredentials</c>), for diagnostics.</summary>
    public async Task<string> DescribeSourceAsync(CancellationToken cancellationToken)
    {
        var identity = await resolver.ResolveIdentityAsync(null, cancellationToken);
        return identity.GetType().Name;
    }

    /// <inheritdoc />
    public void Dispose() => resolver.Dispose();
}
