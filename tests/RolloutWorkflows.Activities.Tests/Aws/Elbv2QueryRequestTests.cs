namespace RolloutWorkflows.Activities.Tests.Aws;

using RolloutWorkflows.Activities.Aws;

public class Elbv2QueryRequestTests
{
    [Fact]
    public void ToFormBody_ListAndArn_MatchesBotocoreEncoding()
    {
        var body = new Elbv2QueryRequest("DescribeListeners")
            .Add("LoadBalancerArn", "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/k8s-default-webingre-2b1f0c9d3e/50dc6c495c0c9188")
            .ToFormBody();

        Assert.Equal("Action=DescribeListeners&Version=2015-12-01&LoadBalancerArn=arn%3Aaws%3Aelasticloadbalancing%3Aus-west-2%3A123456789012%3Aloadbalancer%2Fapp%2Fk8s-default-webingre-2b1f0c9d3e%2F50dc6c495c0c9188", body);
    }

    [Fact]
    public void WithMarker_ReplacesPreviousMarkerAndKeepsMembers()
    {
        var first = new Elbv2QueryRequest("DescribeLoadBalancers").AddList("Names", ["a", "b"]);

        var body = first.WithMarker("m1").WithMarker("m2==").Add("PageSize", "400").ToFormBody();

        Assert.Equal("Action=DescribeLoadBalancers&Version=2015-12-01&Names.member.1=a&Names.member.2=b&Marker=m2%3D%3D&PageSize=400", body);
    }
}
