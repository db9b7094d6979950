namespace RolloutWorkflows.Sandbox.Kubernetes.Api;

using System.Text.Json.Nodes;

/// <summary>
/// In-process mutating admission, the sandbox's stand-in for mutating webhooks: hooks registered for an
/// apiVersion and kind change each object of that kind as it is created, after defaulting and before it
/// is stored (so controllers and clients never see it unmutated). A hook that throws fails the create
/// with a 500 naming the hook, as a webhook with <c>failurePolicy: Fail</c> does. Hooks run under the
/// store lock: they must not call the API server.
/// </summary>
public sealed class MutatingAdmission
{
    private readonly Lock gate = new();
    private readonly List<Hook> hooks = [];

    /// <summary>Registers (or replaces) the hook <paramref name="name"/> for objects of <paramref name="apiVersion"/>/<paramref name="kind"/>.</summary>
    public void Add(string name, string apiVersion, string kind, Action<JsonObject> mutate)
    {
        lock (gate)
        {
            hooks.RemoveAll(h => h.Name == name);
            hooks.Add(new Hook(name, apiVersion, kind, mutate));
        }
    }

    /// <summary>Removes the hook <paramref name="name"/>; returns whether it was registered.</summary>
    public bool Remove(string name)
    {
        lock (gate)
        {
            return hooks.RemoveAll(h => h.Name == name) > 0;
        }
    }

    internal void OnCreate(ResourceType type, JsonObject obj)
    {
        List<Hook> matching;
        lock (gate)
        {
            matching = [.. hooks.Where(h => h.ApiVersion == type.ApiVersion && h.Kind == type.Kind)];
        }

        foreach (var hook in matching)
        {
            try
            {
                hook.Mutate(obj);
            }
            catch (Exception e) when (e is not KubernetesApiException)
            {
                throw new KubernetesApiException(500, "InternalError", $"Internal error occurred: failed calling webhook \"{hook.Name}\": {e.Message}");
            }
        }
    }

    private sealed record Hook(string Name, string ApiVersion, string Kind, Action<JsonObject> Mutate);
}
