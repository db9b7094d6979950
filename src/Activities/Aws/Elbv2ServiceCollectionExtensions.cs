namespace RolloutWorkflows.Activities.Aws;

using System.Diagnostics.Metrics;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RolloutWorkflows.Activities.Verification;

/// <summary>Registers the ELBv2 client, its caches and the verification services.</summary>
public static class Elbv2ServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the ELBv2 client uses.</summary>
    public const string HttpClientName = "elbv2";

    /// <summary>Registers <see cref="IElbv2Api"/> (singleton <see cref="Elbv2Client"/>), <see cref="Elbv2Discovery"/>,
    /// <see cref="WeightVerificationService"/>, <see cref="TargetVerificationService"/>, <see cref="Elbv2Metrics"/> and
    /// the process-wide <see cref="Elbv2RateLimiter"/>. Options bind from <paramref name="configuration"/> (pass the
    /// <c>Aws:Elbv2</c> section) and then <paramref name="configure"/>. <paramref name="credentials"/> replaces the SDK's
    /// default chain (tests). SigV4 signing is the HttpClient's <em>primary</em> handler (see <see cref="Elbv2HttpHandlers"/>).</summary>
    public static IHttpClientBuilder AddElbv2Client(this IServiceCollection services, IConfiguration? configuration = null, Action<Elbv2ClientOptions>? configure = null, AWSCredentials? credentials = null)
    {
        var options = services.AddOptions<Elbv2ClientOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new Elbv2Metrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp => Elbv2RateLimiter.FromOptions(Options(sp)));
        services.TryAddSingleton(sp => Elbv2Connection.Resolve(Options(sp), credentials));
        services.TryAddSingleton<IElbv2Api>(sp => new Elbv2Client(new Elbv2Transport(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            Options(sp),
            sp.GetRequiredService<Elbv2RateLimiter>(),
            sp.GetRequiredService<Elbv2Metrics>(),
            sp.GetRequiredService<TimeProvider>())));
        services.TryAddSingleton(sp => new Elbv2Discovery(sp.GetRequiredService<IElbv2Api>(), Options(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<WeightVerificationService>();
        services.TryAddSingleton<TargetVerificationService>();

        return services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<Elbv2Connection>().Endpoint;
                http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout (AttemptTimeout)
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var connection = sp.GetRequiredService<Elbv2Connection>();
                return Elbv2HttpHandlers.CreateSigningHandler(connection.Credentials, connection.Region);
            });
    }

    private static Elbv2ClientOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<Elbv2ClientOptions>>().Value;
}
