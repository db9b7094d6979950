namespace RolloutWorkflows.Activities.Kubernetes;

using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

/// <summary>DI registration of the Kubernetes client and gateways.</summary>
public static class KubernetesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IKubernetes"/> (built from <see cref="KubernetesOptions"/> unless already registered)
    /// and every gateway, as singletons.
    /// </summary>
    public static IServiceCollection AddKubernetesGateways(this IServiceCollection services)
    {
        services.AddOptions<KubernetesOptions>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<KubernetesOptions>>().Value);
        services.AddSingleton<IKubernetes>(sp => KubernetesClientFactory.Create(sp.GetRequiredService<KubernetesOptions>()));
        services.AddSingleton<IReplicaSetGateway, ReplicaSetGateway>();
        services.AddSingleton<IServiceGateway, ServiceGateway>();
        services.AddSingleton<IEndpointGateway, EndpointGateway>();
        services.AddSingleton<IIngressGateway, IngressGateway>();
        services.AddSingleton<ITargetGroupBindingGateway, TargetGroupBindingGateway>();
        return services;
    }
}
