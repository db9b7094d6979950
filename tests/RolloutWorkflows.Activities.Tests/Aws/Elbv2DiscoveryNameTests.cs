namespace RolloutWorkflows.Activities.Tests.Aws;

using RolloutWorkflows.Activities.Aws;

public class Elbv2DiscoveryNameTests
{
    [Theory]
    [InlineData("k8s-default-webingre-2b1f0c9d3e-1234567890.us-west-2.elb.amazonaws.com", "k8s-default-webingre-2b1f0c9d3e")]
    [InlineData("internal-my-internal-load-balancer-1529930873.us-west-2.elb.amazonaws.com", "my-internal-load-balancer")]
    [InlineData("K8S-Prod-Web-0123456789.eu-central-1.elb.amazonaws.com.", "k8s-prod-web")]
    [InlineData("dualstack.my-load-balancer-424835706.us-west-2.elb.amazonaws.com", "my-load-balancer")]
    [InlineData("my-lb-42.cn-north-1.elb.amazonaws.com.cn", "my-lb")]
    public void DeriveLoadBalancerName_ElbHostname_ReturnsName(string hostname, string expected) =>
        Assert.Equal(expected, Elbv2Discovery.DeriveLoadBalancerName(hostname));

    [Theory]
    [InlineData("web.example.com")]
    [InlineData("k8s-web.us-west-2.elb.amazonaws.com")]
    public void DeriveLoadBalancerName_OtherHostname_ReturnsNull(string hostname) =>
        Assert.Null(Elbv2Discovery.DeriveLoadBalancerName(hostname));
}
