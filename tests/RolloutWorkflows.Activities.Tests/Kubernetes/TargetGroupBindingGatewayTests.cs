namespace RolloutWorkflows.Activities.Tests.Kubernetes;

using RolloutWorkflows.Activities.Kubernetes;

public class TargetGroupBindingGatewayTests
{
    private const string Bindings = """
        apiVersion: elbv2.k8s.aws/v1beta1
        kind: TargetGroupBinding
        metadata: {name: k8s-default-webstabl-1, namespace: default}
        spec:
          targetGroupARN: arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/k8s-default-webstabl-1/0123456789abcdef
          targetType: ip
          serviceRef: {name: web-stable, port: 80}
        ---
        apiVersion: elbv2.k8s.aws/v1beta1
        kind: TargetGroupBinding
        metadata: {name: k8s-default-webcanar-1, namespace: default}
        spec:
          targetGroupARN: arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/k8s-default-webcanar-1/fedcba9876543210
          targetType: instance
          serviceRef: {name: web-canary, port: http}
        """;

    [Fact]
    public async Task ListForService_ReturnsOnlyBindingsOfThatService()
    {
        await using var cluster = SandboxCluster.Create();
        cluster.Sandbox.Store.Seed(Bindings);

        var stable = await cluster.Bindings.ListForServiceAsync("default", "web-stable", CancellationToken.None);
        var canary = await cluster.Bindings.ListForServiceAsync("default", "web-canary", CancellationToken.None);

        var binding = Assert.Single(stable);
        Assert.True(binding.IsIpMode);
        Assert.Equal("80", binding.ServicePort);
        Assert.EndsWith("/0123456789abcdef", binding.TargetGroupArn, StringComparison.Ordinal);
        Assert.False(Assert.Single(canary).IsIpMode);
        Assert.Equal("http", canary[0].ServicePort);
    }

    [Fact]
    public async Task ListForService_ApiVersionNotServed_ReturnsNothingInsteadOfFailing()
    {
        await using var cluster = SandboxCluster.Create(new KubernetesOptions { TargetGroupBindingApiVersion = "eks.amazonaws.com/v1" });
        cluster.Sandbox.Store.Seed(Bindings);

        var bindings = await cluster.Bindings.ListForServiceAsync("default", "web-stable", CancellationToken.None);

        Assert.Empty(bindings);
    }
}
