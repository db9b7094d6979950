namespace RolloutWorkflows.Sandbox.Aws.Tests.Elbv2;

using Microsoft.Extensions.Time.Testing;
using RolloutWorkflows.Sandbox.Aws.Elbv2;

public sealed class DescribeTargetHealthTests : IAsyncDisposable
{
    internal static readonly System.Xml.Linq.XNamespace Ns = Elbv2Answer.Ns;
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private readonly Elbv2Emulator emulator;
    private readonly SignedElbv2Client client;
    private readonly SampleAlb.Ids ids;

    public DescribeTargetHealthTests()
    {
        emulator = Elbv2Emulator.CreateInMemory(new Elbv2EmulatorOptions { TimeProvider = time });
        client = new SignedElbv2Client(emulator);
        ids = SampleAlb.Seed(emulator.Store);
    }

    [Fact]
    public async Task DescribeTargetHealth_AfterRegistrationDelay_InitialBecomesHealthy()
    {
        emulator.Store.SyncTargets(ids.Stable.Arn, [new("10.0.1.17", 8080)], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));

        var before = await StatesAsync(ids.Stable.Arn);
        time.Advance(TimeSpan.FromSeconds(10));
        var after = await StatesAsync(ids.Stable.Arn);

        Assert.Equal(["10.0.1.17:8080=initial/Elb.RegistrationInProgress"], before);
        Assert.Equal(["10.0.1.17:8080=healthy/"], after);
    }

    [Fact]
    public async Task DescribeTargetHealth_RemovedTarget_DrainsThenDisappears()
    {
        emulator.Store.SyncTargets(ids.Stable.Arn, [new("10.0.1.9", 8080), new("10.0.1.17", 8080)], TimeSpan.Zero, TimeSpan.FromSeconds(30));
        emulator.Store.SyncTargets(ids.Stable.Arn, [new("10.0.1.17", 8080)], TimeSpan.Zero, TimeSpan.FromSeconds(30));

        var draining = await StatesAsync(ids.Stable.Arn);
        time.Advance(TimeSpan.FromSeconds(30));
        var gone = await StatesAsync(ids.Stable.Arn);

        Assert.Equal(["10.0.1.17:8080=healthy/", "10.0.1.9:8080=draining/Target.DeregistrationInProgress"], draining);
        Assert.Equal(["10.0.1.17:8080=healthy/"], gone);
    }

    [Fact]
    public async Task DescribeTargetHealth_GroupWithoutLoadBalancer_Unused()
    {
        var orphan = new Elbv2TargetGroup(emulator.Store.Arns.TargetGroup("orphan"), "orphan", "HTTP", 8080, "ip");
        emulator.Store.PutTargetGroup(orphan);
        emulator.Store.SyncTargets(orphan.Arn, [new("10.0.3.3", 8080)], TimeSpan.Zero, TimeSpan.Zero);

        Assert.Equal(["10.0.3.3:8080=unused/Target.NotInUse"], await StatesAsync(orphan.Arn));
    }

    [Fact]
    public async Task DescribeTargetHealth_AskedForUnregisteredTarget_UnusedNotRegistered()
    {
        emulator.Store.SyncTargets(ids.Stable.Arn, [new("10.0.1.17", 8080)], TimeSpan.Zero, TimeSpan.Zero);

        Assert.Equal(["10.0.9.9:8080=unused/Target.NotRegistered"], await StatesAsync(ids.Stable.Arn, ("Targets.member.1.Id", "10.0.9.9"), ("Targets.member.1.Port", "8080")));
    }

    [Fact]
    public async Task DescribeTargetHealth_UnknownGroup_TargetGroupNotFound()
    {
        var answer = await client.CallAsync("DescribeTargetHealth", ("TargetGroupArn", emulator.Store.Arns.TargetGroup("gone")));

        Assert.Equal("TargetGroupNotFound", answer.ErrorCode);
    }

    private async Task<IReadOnlyList<string>> StatesAsync(string arn, params (string, string)[] extra)
    {
        var answer = await client.CallAsync("DescribeTargetHealth", [("TargetGroupArn", arn), .. extra]);
        Assert.Equal(200, answer.Status);
        return [.. answer.Members("TargetHealthDescriptions").Select(m =>
            $"{m.Descendants(Ns + "Id").Single().Value}:{m.Element(Ns + "Target")!.Element(Ns + "Port")!.Value}="
            + $"{m.Descendants(Ns + "State").Single().Value}/{m.Descendants(Ns + "Reason").SingleOrDefault()?.Value}")];
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await emulator.DisposeAsync();
    }
}
