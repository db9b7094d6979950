namespace RolloutWorkflows.Activities.Tests.Aws;

using RolloutWorkflows.Activities.Aws;

public class Elbv2ClientOptionsTests
{
    [Fact]
    public void Validate_PageSizeAbove400_NamesTheSettingAndTheRange()
    {
        var error = Assert.Throws<ArgumentException>(() => new Elbv2ClientOptions { PageSize = 1000 }.Validate());

        Assert.Contains("Aws:Elbv2:PageSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("between 1 and 400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RelativeEndpoint_NamesTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new Elbv2ClientOptions { Endpoint = "localhost:4566" }.Validate());

        Assert.Contains("Aws:Elbv2:Endpoint", error.Message, StringComparison.Ordinal);
    }
}
