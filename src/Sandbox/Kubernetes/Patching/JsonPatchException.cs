namespace RolloutWorkflows.Sandbox.Kubernetes.Patching;

/// <summary>A JSON patch that cannot be applied; the server answers 422 like kube-apiserver.</summary>
public sealed class JsonPatchException : Exception
{
    public JsonPatchException(string message)
        : base(message)
    {
    }
}
