namespace RolloutWorkflows.Sandbox.Aws.Tests.Elbv2;

using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>Raw Query-protocol calls signed by AWSSDK.Core's public SigV4 handler, as a production client would send them.</summary>
public sealed class SignedElbv2Client : IDisposable
{
    private readonly HttpClient http;
    private readonly Uri endpoint;

    public SignedElbv2Client(Elbv2Emulator emulator, string accessKey = Elbv2EmulatorOptions.DefaultAccessKey, string secretKey = Elbv2EmulatorOptions.DefaultSecretKey, string region = "us-west-2")
    {
        endpoint = emulator.Endpoint;
        var inner = emulator.Endpoint.Scheme == "https" ? emulator.CreateHandler() : new SocketsHttpHandler();
        http = new HttpClient(new SigV4SigningHandler(new BasicAWSCredentials(accessKey, secretKey), RegionEndpoint.GetBySystemName(region), "elasticloadbalancing", inner));
    }

    public static string Form(string action, IEnumerable<(string Name, string Value)> parameters) =>
        string.Join('&', new[] { ("Action", action), ("Version", "2015-12-01") }.Concat(parameters)
            .Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}"));

    public async Task<Elbv2Answer> CallAsync(string action, params (string Name, string Value)[] parameters)
    {
        using var content = new StringContent(Form(action, parameters));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        using var response = await http.PostAsync(endpoint, content);
        var text = await response.Content.ReadAsStringAsync();
        return new Elbv2Answer((int)response.StatusCode, XDocument.Parse(text));
    }

    public static (string Name, string Value)[] List(string name, IEnumerable<string> values) =>
        [.. values.Select((v, i) => ($"{name}.member.{i + 1}", v))];

    public void Dispose() => http.Dispose();
}
