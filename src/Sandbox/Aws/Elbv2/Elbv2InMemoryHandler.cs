namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Net.Http.Headers;
using System.Text;

/// <summary>An <see cref="HttpMessageHandler"/> that answers requests in process, with the same pipeline as the HTTP server.</summary>
public sealed class Elbv2InMemoryHandler : HttpMessageHandler
{
    private readonly Elbv2RequestProcessor processor;

    /// <summary>Initializes a new instance of the <see cref="Elbv2InMemoryHandler"/> class.</summary>
    public Elbv2InMemoryHandler(Elbv2RequestProcessor processor) => this.processor = processor;

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no RequestUri; set an absolute URI.", nameof(request));
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        Add(headers, request.Headers);
        if (request.Content is not null)
        {
            Add(headers, request.Content.Headers);
            headers["content-length"] = [(request.Content.Headers.ContentLength ?? body.Length).ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }

        // What a socket handler would send as Host when none is set explicitly.
        headers.TryAdd("host", [uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}"]);
        var answer = await processor.ProcessAsync(
            new Elbv2HttpRequest(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), headers, body),
            cancellationToken);
        return new HttpResponseMessage((System.Net.HttpStatusCode)answer.Status)
        {
            RequestMessage = request,
            Content = new StringContent(answer.Body, Encoding.UTF8, Elbv2HttpResponse.ContentType),
        };
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> target, HttpHeaders source)
    {
        foreach (var (name, values) in source.NonValidated)
        {
            target[name.ToLowerInvariant()] = [.. values];
        }
    }
}
