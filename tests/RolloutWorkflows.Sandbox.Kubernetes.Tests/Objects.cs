namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using k8s.Models;

/// <summary>Typed objects the tests create through KubernetesClient.</summary>
internal static class Objects
{
    public const string Ns = "prod";

    public static V1Ingress Ingress(string name = "web") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns, Annotations = new Dictionary<string, string> { ["team"] = "payments" } },
        Spec = new V1IngressSpec
        {
            IngressClassName = "alb",
            Rules =
            [
                new V1IngressRule
                {
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths =
                        [
                            new V1HTTPIngressPath
                            {
                                Path = "/", PathType = "Prefix",
                                Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "web-stable", Port = new V1ServiceBackendPort { Number = 80 } } },
                            },
                        ],
                    },
                },
            ],
        },
    };

    public static V1Pod Pod(string name, Dictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns, Labels = labels },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "nginx:1.27" }] },
    };

    public static V1ReplicaSet ReplicaSet(string name, int replicas, string version = "v1") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns },
        Spec = new V1ReplicaSetSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web", ["version"] = version } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web", ["version"] = version } },
                Spec = new V1PodSpec
                {
                    Containers =
                    [
                        new V1Container
                        {
                            Name = "app", Image = "nginx:1.27",
                            Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }],
                        },
                    ],
                },
            },
        },
    };

    public static V1Service Service(string name, Dictionary<string, string> selector, IntOrString targetPort) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns },
        Spec = new V1ServiceSpec
        {
            Selector = selector,
            Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = targetPort }],
        },
    };

    public static Dictionary<string, string> Labels(params string[] pairs) =>
        pairs.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
}
