namespace RolloutWorkflows.Sandbox.Aws.Tests.Lbc;

using System.Net;
using System.Text;
using k8s;
using k8s.Models;

/// <summary>
/// A minimal stand-in for a Kubernetes API server (lists, Ingress status patch, Event create), used until
/// the project's Kubernetes sandbox is available. Tests change its objects directly.
/// </summary>
internal sealed class FakeKubeApi : DelegatingHandler
{
    private readonly Lock gate = new();

    public List<V1Ingress> Ingresses { get; } = [];

    public List<V1Service> Services { get; } = [];

    public List<V1EndpointSlice> EndpointSlices { get; } = [];

    public List<V1Pod> Pods { get; } = [];

    public List<Corev1Event> Events { get; } = [];

    public Kubernetes Client() => new(new KubernetesClientConfiguration { Host = "http://fake-kube.invalid" }, this);

    public void Edit(Action<FakeKubeApi> change)
    {
        lock (gate)
        {
            change(this);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (gate)
        {
            var response = (request.Method.Method, path) switch
            {
                ("GET", "/apis/networking.k8s.io/v1/ingresses") => Json(new V1IngressList { Items = [.. Ingresses] }),
                ("GET", "/api/v1/services") => Json(new V1ServiceList { Items = [.. Services] }),
                ("GET", "/apis/discovery.k8s.io/v1/endpointslices") => Json(new V1EndpointSliceList { Items = [.. EndpointSlices] }),
                ("GET", "/api/v1/pods") => Json(new V1PodList { Items = [.. Pods] }),
                ("PATCH", var p) when p.EndsWith("/status", StringComparison.Ordinal) && p.Contains("/ingresses/", StringComparison.Ordinal) => PatchStatus(p, body),
                ("POST", var p) when p.EndsWith("/events", StringComparison.Ordinal) => CreateEvent(body),
                _ => new HttpResponseMessage(HttpStatusCode.NotFound)
                {
                    Content = new StringContent("""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""", Encoding.UTF8, "application/json"),
                },
            };
            response.RequestMessage = request;
            return response;
        }
    }

    private HttpResponseMessage PatchStatus(string path, string body)
    {
        var parts = path.Split('/');
        var ingress = Ingresses.Single(i => i.Metadata.NamespaceProperty == parts[5] && i.Metadata.Name == parts[7]);
        var hostname = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("status").GetProperty("loadBalancer").GetProperty("ingress")[0].GetProperty("hostname").GetString();
        ingress.Status = new V1IngressStatus { LoadBalancer = new V1IngressLoadBalancerStatus { Ingress = [new V1IngressLoadBalancerIngress { Hostname = hostname }] } };
        return Json(ingress);
    }

    private HttpResponseMessage CreateEvent(string body)
    {
        var created = KubernetesJson.Deserialize<Corev1Event>(body);
        Events.Add(created);
        return Json(created, HttpStatusCode.Created);
    }

    private static HttpResponseMessage Json(object value, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(KubernetesJson.Serialize(value), Encoding.UTF8, "application/json") };
}
