namespace RolloutWorkflows.Sandbox.Aws.Tests.Elbv2;

using Microsoft.Extensions.Time.Testing;
using RolloutWorkflows.Sandbox.Aws.Elbv2;

public sealed class Elbv2ThrottlingTests : IAsyncDisposable
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private readonly Elbv2Emulator emulator;
    private readonly SignedElbv2Client client;

    public Elbv2ThrottlingTests()
    {
        emulator = Elbv2Emulator.CreateInMemory(new Elbv2EmulatorOptions { TimeProvider = time });
        client = new SignedElbv2Client(emulator);
    }

    [Fact]
    public async Task Call_FortyFirstCallInOneInstant_ThrottlingRateExceeded()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add((await client.CallAsync("DescribeLoadBalancers")).Status);
        }

        var throttled = await client.CallAsync("DescribeLoadBalancers");

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal(400, throttled.Status);
        Assert.Equal("Throttling", throttled.ErrorCode);
        Assert.Equal("Rate exceeded", throttled.ErrorMessage);
        Assert.Equal(41, emulator.Counters.Calls("DescribeLoadBalancers"));
        Assert.Equal(1, emulator.Counters.Throttled("DescribeLoadBalancers"));
    }

    [Fact]
    public async Task Call_EmptyBucketAfterOneSecond_TenMoreCallsAllowed()
    {
        for (var i = 0; i < 40; i++)
        {
            await client.CallAsync("DescribeTargetGroups");
        }

        time.Advance(TimeSpan.FromSeconds(1));
        var ok = 0;
        while ((await client.CallAsync("DescribeTargetGroups")).Status == 200)
        {
            ok++;
        }

        Assert.Equal(10, ok);
    }

    [Fact]
    public async Task Call_BucketSharedByOperationsOfOneAccount_CountedPerOperation()
    {
        for (var i = 0; i < 20; i++)
        {
            await client.CallAsync("DescribeLoadBalancers");
            await client.CallAsync("DescribeTargetGroups");
        }

        var answer = await client.CallAsync("DescribeTargetGroups");

        Assert.Equal("Throttling", answer.ErrorCode);
        Assert.Equal(20, emulator.Counters.Calls("DescribeLoadBalancers"));
        Assert.Equal(21, emulator.Counters.Calls("DescribeTargetGroups"));
        Assert.Equal(1, emulator.Counters.TotalThrottled);
    }

    [Fact]
    public async Task Call_ThrottleShareOne_EveryCallThrottled()
    {
        emulator.Faults = new Elbv2Faults(ThrottleShare: 1);

        var answer = await client.CallAsync("DescribeLoadBalancers");

        Assert.Equal("Throttling", answer.ErrorCode);
    }

    [Fact]
    public async Task Call_ServerErrorShareOne_InternalFailureFromReceiver()
    {
        emulator.Faults = new Elbv2Faults(ServerErrorShare: 1);

        var answer = await client.CallAsync("DescribeLoadBalancers");

        Assert.Equal(500, answer.Status);
        Assert.Equal("InternalFailure", answer.ErrorCode);
        Assert.Equal("Receiver", answer.ErrorType);
        Assert.Equal(1, emulator.Counters.Failed("DescribeLoadBalancers"));
    }

    [Fact]
    public async Task Call_HalfServerErrors_SeededDiceGiveSomeOfEach()
    {
        emulator.Faults = new Elbv2Faults(ServerErrorShare: 0.5);

        var statuses = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add((await client.CallAsync("DescribeLoadBalancers")).Status);
        }

        Assert.Contains(200, statuses);
        Assert.Contains(500, statuses);
    }

    [Fact]
    public void Faults_ShareAboveOne_RejectedNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => emulator.Faults = new Elbv2Faults(ThrottleShare: 2));

        Assert.Contains("ThrottleShare", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await emulator.DisposeAsync();
    }
}
