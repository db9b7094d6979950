namespace RolloutWorkflows.Activities.Kubernetes;

using System.Globalization;
using System.Text.Json;
using k8s;

/// <summary>
/// TargetGroupBindings through the generic custom-object API, at the configured group/version
/// (<c>elbv2.k8s.aws/v1beta1</c> for the LBC, <c>eks.amazonaws.com/v1</c> for EKS Auto Mode).
/// </summary>
[KubernetesAccess("elbv2.k8s.aws", "targetgroupbindings", "list")]
public sealed class TargetGroupBindingGateway : ITargetGroupBindingGateway
{
    private readonly IKubernetes client;
    private readonly KubernetesOptions options;

    public TargetGroupBindingGateway(IKubernetes client, KubernetesOptions options)
    {
        this.client = client;
        this.options = options;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TargetGroupBindingInfo>> ListForServiceAsync(
        string @namespace, string serviceName, CancellationToken cancellationToken)
    {
        var (group, version) = ApiVersions.Split(options.TargetGroupBindingApiVersion);
        object list;
        try
        {
            list = await client.CustomObjects.ListNamespacedCustomObjectAsync(
                group, version, @namespace, "targetgroupbindings", cancellationToken: cancellationToken);
        }
        catch (k8s.Autorest.HttpOperationException e) when (KubernetesErrors.IsNotFound(e))
        {
            // The CRD is not installed: there is nothing bound, so nothing to verify through bindings.
            return [];
        }

        using var document = JsonDocument.Parse(list is JsonElement element ? element.GetRawText() : JsonSerializer.Serialize(list));
        var result = new List<TargetGroupBindingInfo>();
        if (!document.RootElement.TryGetProperty("items", out var items))
        {
            return result;
        }

        foreach (var item in items.EnumerateArray())
        {
            var spec = item.GetProperty("spec");
            if (!spec.TryGetProperty("serviceRef", out var serviceRef)
                || serviceRef.GetProperty("name").GetString() != serviceName)
            {
                continue;
            }

            result.Add(new TargetGroupBindingInfo(
                @namespace,
                item.GetProperty("metadata").GetProperty("name").GetString() ?? string.Empty,
                spec.TryGetProperty("targetGroupARN", out var arn) ? arn.GetString() ?? string.Empty : string.Empty,
                spec.TryGetProperty("targetType", out var type) ? type.GetString() : null,
                serviceName,
                PortText(serviceRef)));
        }

        return result;
    }

    private static string PortText(JsonElement serviceRef)
    {
        if (!serviceRef.TryGetProperty("port", out var port))
        {
            return string.Empty;
        }

        return port.ValueKind == JsonValueKind.Number
            ? port.GetInt32().ToString(CultureInfo.InvariantCulture)
            : port.GetString() ?? string.Empty;
    }
}
