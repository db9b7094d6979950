namespace RolloutWorkflows.Sandbox.Kubernetes.Api;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RolloutWorkflows.Sandbox.Kubernetes.Faults;
using RolloutWorkflows.Sandbox.Kubernetes.Printing;
using RolloutWorkflows.Sandbox.Kubernetes.Store;
using RolloutWorkflows.Sandbox.Kubernetes.Watch;

/// <summary>
/// The single catch-all HTTP handler: discovery documents, then resource requests mapped to the
/// Kubernetes verbs, with faults checked first and writes audited last.
/// </summary>
public sealed class ApiRequestHandler
{
    private readonly ApiOperations api;
    private readonly WatchStreamer watches;
    private readonly FaultInjector faults;
    private readonly AuditLog audit;

    public ApiRequestHandler(ApiOperations api, WatchStreamer watches, FaultInjector faults, AuditLog audit)
    {
        this.api = api;
        this.watches = watches;
        this.faults = faults;
        this.audit = audit;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        try
        {
            if (path.TrimEnd('/') == "/openapi/v2")
            {
                await OpenApiV2Document.WriteAsync(context);
                return;
            }

            var discovery = DiscoveryDocument(path);
            if (discovery is not null)
            {
                await JsonResponses.WriteAsync(context, 200, discovery);
                return;
            }

            var apiPath = ApiPath.Parse(path) ?? throw NotFoundPath(path);
            var type = apiPath.Plural is null ? null : api.Registry.Find(apiPath.Group, apiPath.Version, apiPath.Plural);
            if (type is null)
            {
                throw NotFoundPath(path);
            }

            await ServeResourceAsync(context, apiPath, type);
        }
        catch (KubernetesApiException e)
        {
            if (!context.Response.HasStarted)
            {
                await JsonResponses.WriteErrorAsync(context, e);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            // A sandbox bug must still reach the client as a Status body, with enough detail to report it.
            await JsonResponses.WriteErrorAsync(context, new KubernetesApiException(500, "InternalError", $"Internal error occurred: {e.GetType().Name}: {e.Message}"));
        }
    }

    private JsonObject? DiscoveryDocument(string path) => path.TrimEnd('/') switch
    {
        "/version" => Discovery.Version(),
        "/api" => Discovery.CoreVersions(),
        "/apis" => Discovery.GroupList(api.Registry),
        "/api/v1" => Discovery.ResourceList(api.Registry, "", "v1"),
        "/openapi/v3" => OpenApiDocuments.Index(api.Registry),
        var p when p.StartsWith("/openapi/v3/", StringComparison.Ordinal) =>
            OpenApiDocuments.GroupVersion(api.Registry, p["/openapi/v3/".Length..]) ?? throw NotFoundPath(path),
        var p when p.StartsWith("/apis/", StringComparison.Ordinal) && p.Count(c => c == '/') == 2 =>
            Discovery.Group(api.Registry, p[6..]) ?? throw NotFoundPath(path),
        var p when p.StartsWith("/apis/", StringComparison.Ordinal) && p.Count(c => c == '/') == 3 =>
            Discovery.ResourceList(api.Registry, p.Split('/')[2], p.Split('/')[3]) ?? throw NotFoundPath(path),
        _ => null,
    };

    private async Task ServeResourceAsync(HttpContext context, ApiPath apiPath, ResourceType type)
    {
        var request = context.Request;
        var verb = VerbOf(request, apiPath);
        var ns = type.Namespaced ? apiPath.Namespace : null;
        if (apiPath.Subresource is not null && !(apiPath.Subresource == "status" && type.HasStatus) && !(apiPath.Subresource == "scale" && type.HasScale))
        {
            throw new KubernetesApiException(404, "NotFound", "the server could not find the requested resource");
        }

        if (!string.IsNullOrEmpty(request.Query["dryRun"]))
        {
            throw KubernetesApiException.BadRequest("dryRun is not supported by the sandbox API server: send the request without dryRun");
        }

        var delay = faults.LatencyFor(verb, type.Plural);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        var body = verb is "create" or "update" or "patch" or "delete" or "deletecollection"
            ? await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted)
            : "";
        var status = 500;
        try
        {
            var fault = faults.Check(verb, type, ns, apiPath.Name);
            if (fault is not null)
            {
                throw fault;
            }

            if (verb == "watch")
            {
                var filter = new WatchFilter(type, ns, LabelSelector.Parse(request.Query["labelSelector"]), FieldSelector.Parse(request.Query["fieldSelector"], type));
                if (apiPath.Name is not null)
                {
                    filter = filter with { Fields = FieldSelector.Parse($"metadata.name={apiPath.Name}", type) };
                }

                status = 200;
                var table = TableConverter.RequestedVersion(request.Headers.Accept);
                Func<string, string>? transform = table is null
                    ? null
                    : line => TableConverter.TransformEvent(type, line, table, request.Query["includeObject"], api.Time.GetUtcNow());
                await watches.StreamAsync(context, filter, transform);
                return;
            }

            var (code, answer) = Execute(verb, apiPath, type, ns, request, body);
            status = code;
            await JsonResponses.WriteAsync(context, code, AsTableIfAsked(verb, apiPath, type, request, answer));
        }
        catch (KubernetesApiException e)
        {
            status = e.Code;
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            status = 500;
            throw;
        }
        finally
        {
            if (verb is not ("get" or "list" or "watch"))
            {
                audit.Record(new AuditEntry(api.Time.GetUtcNow(), verb, type.QualifiedPlural, ns, apiPath.Name, apiPath.Subresource,
                    request.Headers.UserAgent.ToString(), status, body));
            }
        }
    }

    private (int Code, JsonObject Body) Execute(string verb, ApiPath apiPath, ResourceType type, string? ns, HttpRequest request, string body)
    {
        var name = apiPath.Name;
        var sub = apiPath.Subresource;
        switch (verb)
        {
            case "list":
                return (200, ListOperation.List(api.Store, type, ns, LabelSelector.Parse(request.Query["labelSelector"]),
                    FieldSelector.Parse(request.Query["fieldSelector"], type), Limit(request), request.Query["continue"]));
            case "get":
                var found = api.Get(type, ns, name!);
                return (200, sub == "scale" ? ScaleSubresource.ToScale(type, found) : found);
            case "create":
                return (201, api.Create(type, ns, ParseObject(body)));
            case "update" when sub == "scale":
                return (200, UpdateScale(type, ns, name!, current => ParseObject(body)));
            case "update":
                return (200, api.Update(type, ns, name!, ParseObject(body), sub));
            case "patch" when sub == "scale":
                return (200, UpdateScale(type, ns, name!, current => PatchBody.Apply(type, name!, current, request.ContentType, body)));
            case "patch":
                return (200, api.Patch(type, ns, name!, request.ContentType, body, sub));
            case "delete":
                return (200, api.Deletes.Delete(type, ns, name!, ParseOptions(body, request)));
            case "deletecollection":
                return (200, api.Deletes.DeleteCollection(type, ns, LabelSelector.Parse(request.Query["labelSelector"]),
                    FieldSelector.Parse(request.Query["fieldSelector"], type), ParseOptions(body, request)));
            default:
                throw KubernetesApiException.MethodNotAllowed(request.Method);
        }
    }

    /// <summary>kubectl get asks for server-side printing; everyone else gets the objects.</summary>
    private JsonObject AsTableIfAsked(string verb, ApiPath apiPath, ResourceType type, HttpRequest request, JsonObject answer)
    {
        if (verb is not ("list" or "get") || apiPath.Subresource is not null || TableConverter.RequestedVersion(request.Headers.Accept) is not { } version)
        {
            return answer;
        }

        var includeObject = (string?)request.Query["includeObject"];
        var now = api.Time.GetUtcNow();
        return verb == "list"
            ? TableConverter.FromList(type, answer, version, includeObject, now)
            : TableConverter.FromObject(type, answer, version, includeObject, now);
    }

    private JsonObject UpdateScale(ResourceType type, string? ns, string name, Func<JsonObject, JsonObject> newScale)
    {
        lock (api.Store.Gate)
        {
            var current = api.Find(type, ns, name);
            var scale = newScale(ScaleSubresource.ToScale(type, current));
            var written = api.Write(type, current, ScaleSubresource.FromScale(type, current, scale), null);
            return ScaleSubresource.ToScale(type, written);
        }
    }

    private static string VerbOf(HttpRequest request, ApiPath path)
    {
        var watch = path.WatchPrefix || (string?)request.Query["watch"] is "true" or "1";
        return request.Method switch
        {
            "GET" when watch => "watch",
            "GET" => path.Name is null ? "list" : "get",
            "POST" when path.Name is null => "create",
            "PUT" when path.Name is not null => "update",
            "PATCH" when path.Name is not null => "patch",
            "DELETE" => path.Name is null ? "deletecollection" : "delete",
            _ => throw KubernetesApiException.MethodNotAllowed(request.Method),
        };
    }

    private static int? Limit(HttpRequest request) =>
        int.TryParse(request.Query["limit"], CultureInfo.InvariantCulture, out var limit) ? limit : null;

    private static JsonObject ParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject
                ?? throw KubernetesApiException.BadRequest("the request body must be a JSON object (YAML is not accepted; kubectl converts it)");
        }
        catch (JsonException e)
        {
            throw KubernetesApiException.BadRequest($"the request body is not valid JSON: {e.Message}");
        }
    }

    private static JsonObject? ParseOptions(string body, HttpRequest request)
    {
        var options = string.IsNullOrWhiteSpace(body) ? [] : ParseObject(body);
        if (request.Query.TryGetValue("propagationPolicy", out var policy))
        {
            options["propagationPolicy"] = (string?)policy;
        }

        return options;
    }

    private static KubernetesApiException NotFoundPath(string path) =>
        new(404, "NotFound", $"the server could not find the requested resource (path {path})", new JsonObject());
}
