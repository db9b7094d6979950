namespace RolloutWorkflows.Sandbox.Aws.Tests.Lbc;

using k8s.Models;

/// <summary>The guide's canary example as Kubernetes objects: root/stable/canary Services and the annotated Ingress.</summary>
public static class GuideObjects
{
    public const string Namespace = "default";

    public static string Action(int canary, int stable) =>
        $$$"""{"Type":"forward","ForwardConfig":{"TargetGroups":[{"Weight":{{{canary}}},"ServiceName":"canary-service","ServicePort":"80"},{"Weight":{{{stable}}},"ServiceName":"stable-service","ServicePort":"80"}]}}""";

    public static V1Ingress Ingress(string? action = null, string name = "ingress", string? className = null, bool classAnnotation = true)
    {
        var annotations = new Dictionary<string, string>();
        if (classAnnotation)
        {
            annotations["kubernetes.io/ingress.class"] = "alb";
        }

        if (action is not null)
        {
            annotations["alb.ingress.kubernetes.io/actions.root-service"] = action;
        }

        return new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Annotations = annotations },
            Spec = new V1IngressSpec
            {
                IngressClassName = className,
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
                                    Path = "/*",
                                    PathType = "ImplementationSpecific",
                                    Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "root-service", Port = new V1ServiceBackendPort { Name = "use-annotation" } } },
                                },
                            ],
                        },
                    },
                ],
            },
        };
    }

    public static V1Service Service(string name, string selectorHash) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Uid = name + "-uid" },
        Spec = new V1ServiceSpec
        {
            Selector = new Dictionary<string, string> { ["app"] = "web", ["rollouts-pod-template-hash"] = selectorHash },
            Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = 8080, Protocol = "TCP" }],
        },
    };

    public static V1EndpointSlice Slice(string service, params (string Ip, bool Ready)[] endpoints) => new()
    {
        ApiVersion = "discovery.k8s.io/v1",
        Kind = "EndpointSlice",
        AddressType = "IPv4",
        Metadata = new V1ObjectMeta { Name = service + "-abcde", NamespaceProperty = Namespace, Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = service } },
        Ports = [new Discoveryv1EndpointPort { Name = "http", Port = 8080, Protocol = "TCP" }],
        Endpoints = [.. endpoints.Select(e => new V1Endpoint { Addresses = [e.Ip], Conditions = new V1EndpointConditions { Ready = e.Ready } })],
    };
}
