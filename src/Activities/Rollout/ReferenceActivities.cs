namespace RolloutWorkflows.Activities.Rollout;

using System.Globalization;
using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Activities.Kubernetes;
using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Activities;

/// <summary>
/// Reads what a revision names before the update writes anything (issue 7: a bad spec is refused before anything
/// is written). Argo validates the same objects (B5) but only into a status condition, after the controller may
/// already have acted; here every problem is reported at once as a non-retryable failure with its field.
/// </summary>
public sealed class ReferenceActivities : IReferenceActivities
{
    private readonly IServiceGateway services;
    private readonly IIngressGateway ingresses;
    private readonly IReadOnlyCollection<string> albClasses;
    private readonly VerificationPolicyOptions policy;

    public ReferenceActivities(IServiceGateway services, IIngressGateway ingresses, AlbIngressClassOptions classes, VerificationPolicyOptions policy)
    {
        this.services = services;
        this.ingresses = ingresses;
        albClasses = classes.Effective;
        this.policy = policy;
    }

    /// <inheritdoc/>
    [Activity(Names.CheckReferences)]
    public async Task<CheckReferencesResult> CheckReferencesAsync(CheckReferencesInput input)
    {
        var token = ActivityExecutionContext.Current.CancellationToken;
        var problems = new List<string>();
        if (policy.VerifyTargetGroups && input.VerifiesTargetGroups == false)
        {
            problems.Add(
                "deploy settings: this worker requires target-group verification (worker --aws-verify-target-group, Rollouts:VerifyTargetGroups); "
                + "deploy the revision again with `rollouts deploy --aws-verify-target-group`");
        }

        foreach (var reference in input.Services)
        {
            problems.AddRange(await CheckServiceAsync(input.Namespace, reference, token));
        }

        foreach (var reference in input.Ingresses)
        {
            problems.AddRange(await CheckIngressAsync(input, reference, token));
        }

        if (problems.Count > 0)
        {
            throw ActivityFailures.InvalidSpec(string.Join("; ", problems));
        }

        return new CheckReferencesResult(input.Services.Count, input.Ingresses.Count);
    }

    private async Task<IEnumerable<string>> CheckServiceAsync(string @namespace, ServiceReference reference, CancellationToken token)
    {
        ServiceInfo service;
        try
        {
            service = await services.GetServiceAsync(@namespace, reference.Name, token);
        }
        catch (KubernetesObjectNotFoundException e)
        {
            return [$"{reference.Field}: {e.Message}"];
        }

        if (reference.Port is { } port && !service.Ports.Any(p => p.Port == port))
        {
            var ports = string.Join(", ", service.Ports.Select(p => p.Port.ToString(CultureInfo.InvariantCulture)));
            return [$"{reference.Field}: Service {@namespace}/{reference.Name} does not expose port {port} (its ports: {(ports.Length == 0 ? "none" : ports)}); set trafficRouting.alb.servicePort to one of them"];
        }

        return [];
    }

    private async Task<IEnumerable<string>> CheckIngressAsync(CheckReferencesInput input, IngressReference reference, CancellationToken token)
    {
        IngressSnapshot snapshot;
        try
        {
            snapshot = await ingresses.GetIngressAsync(input.Namespace, reference.Name, token);
        }
        catch (KubernetesObjectNotFoundException e)
        {
            return [$"{reference.Field}: {e.Message}"];
        }

        var actionKey = AlbActionRenderer.ActionKey(reference.AnnotationPrefix, reference.ActionService);
        return IngressChecks.CheckForWrite(AlbIngress.FromJson(snapshot.Object), input.RolloutName, reference.ActionService, actionKey, albClasses)
            .Select(p => $"{reference.Field}: {p}");
    }
}
