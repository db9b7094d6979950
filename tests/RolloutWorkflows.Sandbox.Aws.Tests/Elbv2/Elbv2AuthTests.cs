namespace RolloutWorkflows.Sandbox.Aws.Tests.Elbv2;

using System.Text;
using Microsoft.Extensions.Time.Testing;
using RolloutWorkflows.Sandbox.Aws.Elbv2;

public sealed class Elbv2AuthTests : IAsyncDisposable
{
    private readonly Elbv2Emulator emulator = Elbv2Emulator.CreateInMemory(new Elbv2EmulatorOptions
    {
        Credentials =
        [
            new(Elbv2EmulatorOptions.DefaultAccessKey, Elbv2EmulatorOptions.DefaultSecretKey, "123456789012"),
            new("AKIDREADONLY", "other-secret", "123456789012", ["DescribeTargetHealth"]),
        ],
    });

    [Fact]
    public async Task Call_WrongSecret_SignatureDoesNotMatch403()
    {
        using var client = new SignedElbv2Client(emulator, secretKey: "not-the-secret");

        var answer = await client.CallAsync("DescribeLoadBalancers");

        Assert.Equal(403, answer.Status);
        Assert.Equal("SignatureDoesNotMatch", answer.ErrorCode);
        Assert.Equal(0, emulator.Counters.TotalCalls);
    }

    [Fact]
    public async Task Call_UnknownAccessKey_InvalidClientTokenId403()
    {
        using var client = new SignedElbv2Client(emulator, accessKey: "AKIDUNKNOWN");

        var answer = await client.CallAsync("DescribeLoadBalancers");

        Assert.Equal(403, answer.Status);
        Assert.Equal("InvalidClientTokenId", answer.ErrorCode);
    }

    [Fact]
    public async Task Call_SignedForAnotherRegion_SignatureDoesNotMatch()
    {
        using var client = new SignedElbv2Client(emulator, region: "eu-west-1");

        var answer = await client.CallAsync("DescribeLoadBalancers");

        Assert.Equal("SignatureDoesNotMatch", answer.ErrorCode);
    }

    [Fact]
    public async Task Call_NoAuthorizationHeader_MissingAuthenticationToken()
    {
        using var http = new HttpClient(emulator.CreateHandler());
        using var content = new StringContent("Action=DescribeLoadBalancers&Version=2015-12-01", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await http.PostAsync(emulator.Endpoint, content);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Contains("<Code>MissingAuthenticationToken</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_BodyChangedAfterSigning_SignatureDoesNotMatch()
    {
        using var tamper = new TamperingHandler(emulator.CreateHandler());
        using var http = new HttpClient(new Amazon.Runtime.Signing.SigV4SigningHandler(
            new Amazon.Runtime.BasicAWSCredentials(Elbv2EmulatorOptions.DefaultAccessKey, Elbv2EmulatorOptions.DefaultSecretKey),
            Amazon.RegionEndpoint.USWest2,
            "elasticloadbalancing",
            tamper));
        using var content = new StringContent("Action=DescribeLoadBalancers&Version=2015-12-01", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await http.PostAsync(emulator.Endpoint, content);

        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_SignedLongAgo_SignatureExpired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(20));
        await using var late = Elbv2Emulator.CreateInMemory(new Elbv2EmulatorOptions { TimeProvider = time });
        using var client = new SignedElbv2Client(late);

        var answer = await client.CallAsync("DescribeLoadBalancers");

        Assert.Equal(403, answer.Status);
        Assert.StartsWith("Signature expired", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_DeniedActionForKey_AccessDenied403()
    {
        var ids = SampleAlb.Seed(emulator.Store);
        using var client = new SignedElbv2Client(emulator, accessKey: "AKIDREADONLY", secretKey: "other-secret");

        var denied = await client.CallAsync("DescribeTargetHealth", ("TargetGroupArn", ids.Stable.Arn));
        var allowed = await client.CallAsync("DescribeTargetGroups");

        Assert.Equal(403, denied.Status);
        Assert.Equal("AccessDenied", denied.ErrorCode);
        Assert.Contains("elasticloadbalancing:DescribeTargetHealth", denied.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(200, allowed.Status);
    }

    [Fact]
    public async Task Call_UnknownAction_InvalidAction()
    {
        using var client = new SignedElbv2Client(emulator);

        var answer = await client.CallAsync("CreateLoadBalancer");

        Assert.Equal(400, answer.Status);
        Assert.Equal("InvalidAction", answer.ErrorCode);
    }

    public ValueTask DisposeAsync() => emulator.DisposeAsync();

    /// <summary>Changes the body after the signer has signed it, as a man in the middle would.</summary>
    private sealed class TamperingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Content!.Headers.ToList();
            request.Content = new StringContent("Action=DescribeTargetGroups&Version=2015-12-01");
            request.Content.Headers.Clear();
            foreach (var (name, values) in headers)
            {
                request.Content.Headers.TryAddWithoutValidation(name, values);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
