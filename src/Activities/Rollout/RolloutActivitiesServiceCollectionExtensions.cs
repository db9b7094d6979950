namespace RolloutWorkflows.Activities.Rollout;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RolloutWorkflows.Activities.Alb;

/// <summary>DI registration of the rollout activity classes (the gateways come from their own extensions).</summary>
public static class RolloutActivitiesServiceCollectionExtensions
{
    /// <summary>
    /// The activity classes, for the worker: <c>foreach (var type in ActivityTypes) builder.AddSingletonActivities(type)</c>.
    /// They are stateless, so singletons are right.
    /// </summary>
    public static IReadOnlyList<Type> ActivityTypes { get; } = [typeof(ReferenceActivities), typeof(ReplicaSetActivities), typeof(ServiceActivities), typeof(TargetActivities), typeof(TrafficActivities)];

    /// <summary>Registers every rollout activity class as a singleton.</summary>
    public static IServiceCollection AddRolloutActivities(this IServiceCollection services)
    {
        services.AddOptions<AlbIngressClassOptions>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AlbIngressClassOptions>>().Value);
        services.AddOptions<VerificationPolicyOptions>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<VerificationPolicyOptions>>().Value);
        foreach (var type in ActivityTypes)
        {
            services.AddSingleton(type);
        }

        return services;
    }
}
