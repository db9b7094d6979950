namespace RolloutWorkflows.Activities.Rollout;

using System.Globalization;
using RolloutWorkflows.Activities.Kubernetes;
using RolloutWorkflows.Activities.Verification;
using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Activities;
using Temporalio.Exceptions;

/// <summary>
/// Target registration checks (B7, done better): every ready endpoint of the Service must be registered in each
/// IP-mode target group bound to it before the workflow moves traffic or scales anything down.
/// </summary>
public sealed class TargetActivities : ITargetActivities
{
    private readonly IServiceGateway services;
    private readonly IEndpointGateway endpoints;
    private readonly ITargetGroupBindingGateway bindings;
    private readonly TargetVerificationService verification;

    public TargetActivities(
        IServiceGateway services, IEndpointGateway endpoints, ITargetGroupBindingGateway bindings, TargetVerificationService verification)
    {
        this.services = services;
        this.endpoints = endpoints;
        this.bindings = bindings;
        this.verification = verification;
    }

    /// <inheritdoc/>
    [Activity(Names.VerifyTargetRegistration)]
    public Task<VerifyTargetRegistrationResult> VerifyTargetRegistrationAsync(VerifyTargetRegistrationInput input) =>
        ActivityFailures.MapNotFoundAsync(async () =>
        {
            var token = ActivityExecutionContext.Current.CancellationToken;
            var service = await services.GetServiceAsync(input.Namespace, input.Service, token);
            if (service.SelectedPodTemplateHash != input.PodTemplateHash)
            {
                // Someone else points the Service elsewhere: waiting will not make these targets right.
                throw new ApplicationFailureException(
                    $"Service {input.Namespace}/{input.Service} selects {service.SelectedPodTemplateHash ?? "no revision"}, not {input.PodTemplateHash}; check who else manages it",
                    "SelectorMismatch",
                    nonRetryable: true);
            }

            var ports = service.Ports.Where(p => input.ServicePort is null || p.Port == input.ServicePort).ToList();
            var bound = (await bindings.ListForServiceAsync(input.Namespace, input.Service, token))
                .Where(b => ports.Exists(p => Matches(b, p)))
                .ToList();
            if (bound.Count == 0)
            {
                return new VerifyTargetRegistrationResult(input.Service, true, 0, 0, $"no TargetGroupBinding for Service {input.Service}: nothing to verify");
            }

            var (registered, expected, reasons) = (0, 0, new List<string>());
            var revisionIps = await endpoints.GetRevisionPodIpsAsync(input.Namespace, input.PodTemplateHash, token);
            foreach (var port in ports.Where(p => bound.Exists(b => Matches(b, p))))
            {
                var ready = await endpoints.GetEndpointsAsync(input.Namespace, input.Service, port.Port, token);

                // Right after a selector switch the endpoints controller may still list the previous revision's pods,
                // which are registered already: checking those would pass before a single new pod is registered.
                var stale = ready.Ready.Where(e => !revisionIps.Contains(IpOf(e))).ToList();
                if (stale.Count > 0 || ready.Ready.Count == 0)
                {
                    reasons.Add(stale.Count > 0
                        ? $"port {port.Port}: the endpoints still list {stale.Count} pod(s) of another revision ({string.Join(", ", stale.Take(3))}); waiting for the endpoints controller"
                        : $"port {port.Port}: no ready endpoints of {input.PodTemplateHash} yet");
                    continue;
                }

                var groups = bound.Where(b => Matches(b, port)).Select(b => new TargetGroupRef(b.TargetGroupArn, b.TargetType)).ToList();
                var result = await verification.VerifyAsync(
                    new TargetVerificationRequest(input.Namespace, input.Service, ready.Ready, groups), token);
                expected += result.ExpectedCount;
                registered += result.ExpectedCount - result.MissingCount;
                if (!result.Verified)
                {
                    reasons.Add(result.Reason ?? $"port {port.Port}: {result.MissingCount} of {result.ExpectedCount} endpoints not registered");
                }
            }

            var summary = $"Service {input.Service}: {registered}/{expected} endpoints registered";
            if (reasons.Count > 0)
            {
                throw ActivityFailures.NotYetVerified($"{summary}; {string.Join("; ", reasons)}", input.PollSeconds);
            }

            return new VerifyTargetRegistrationResult(input.Service, true, registered, expected, summary);
        });

    private static string IpOf(string endpoint) => endpoint[..endpoint.LastIndexOf(':')];

    /// <summary>A binding's <c>serviceRef.port</c> is a port number or a port name.</summary>
    private static bool Matches(TargetGroupBindingInfo binding, ServicePortInfo port) =>
        binding.ServicePort == port.Port.ToString(CultureInfo.InvariantCulture) || (port.Name is not null && binding.ServicePort == port.Name);
}
