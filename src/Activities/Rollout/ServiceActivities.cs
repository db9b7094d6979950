namespace RolloutWorkflows.Activities.Rollout;

using RolloutWorkflows.Activities.Kubernetes;
using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Activities;

/// <summary>Service selector activities: thin adapters over <see cref="IServiceGateway"/>.</summary>
public sealed class ServiceActivities : IServiceActivities
{
    private readonly IServiceGateway services;

    public ServiceActivities(IServiceGateway services)
    {
        this.services = services;
    }

    /// <inheritdoc/>
    [Activity(Names.SwitchServiceSelector)]
    public Task<SwitchServiceSelectorResult> SwitchServiceSelectorAsync(SwitchServiceSelectorInput input) =>
        ActivityFailures.MapNotFoundAsync(async () =>
        {
            var token = ActivityExecutionContext.Current.CancellationToken;
            var before = await services.GetServiceAsync(input.Namespace, input.Service, token);
            var changed = await services.SwitchSelectorAsync(input.Namespace, input.Service, input.PodTemplateHash, input.RolloutName, token);
            return new SwitchServiceSelectorResult(input.Service, changed, before.SelectedPodTemplateHash);
        });
}
