namespace RolloutWorkflows.Sandbox.Kubernetes.Api;

using System.Text.Json.Nodes;

/// <summary>
/// An API error that the server answers with a <c>Status</c> body, shaped exactly as kube-apiserver
/// shapes it, because KubernetesClient and kubectl read <c>reason</c>, <c>code</c> and <c>details</c>.
/// </summary>
public sealed class KubernetesApiException : Exception
{
    public KubernetesApiException(int code, string reason, string message, JsonObject? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public int Code { get; }

    public string Reason { get; }

    public JsonObject? Details { get; }

    /// <summary>Extra response headers (Retry-After for 429).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>();

    public static KubernetesApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.QualifiedPlural} \"{name}\" not found", DetailsOf(type, name));

    public static KubernetesApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.QualifiedPlural} \"{name}\" already exists", DetailsOf(type, name));

    public static KubernetesApiException Conflict(ResourceType type, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedPlural} \"{name}\": {why}", DetailsOf(type, name));

    public static KubernetesApiException StaleResourceVersion(ResourceType type, string name) =>
        Conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static KubernetesApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static KubernetesApiException Invalid(ResourceType type, string name, string field, string message)
    {
        var details = DetailsOf(type, name);
        details["causes"] = new JsonArray(new JsonObject
        {
            ["reason"] = "FieldValueInvalid",
            ["message"] = message,
            ["field"] = field,
        });
        return new(422, "Invalid", $"{type.Kind} \"{name}\" is invalid: {field}: {message}", details);
    }

    public static KubernetesApiException UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: {contentType}");

    public static KubernetesApiException MethodNotAllowed(string method) =>
        new(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({method})");

    /// <summary>The <c>Status</c> object sent as the response body.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (Details is not null)
        {
            status["details"] = Details.DeepClone();
        }

        status["code"] = Code;
        return status;
    }

    private static JsonObject DetailsOf(ResourceType type, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (type.Group.Length > 0)
        {
            details["group"] = type.Group;
        }

        details["kind"] = type.Plural;
        return details;
    }
}
