namespace RolloutWorkflows.Activities.Tests.Kubernetes;

using System.Text.Json.Nodes;

/// <summary>Objects the gateway tests seed into the sandbox.</summary>
internal static class Manifests
{
    public const string StableService = """
        apiVersion: v1
        kind: Service
        metadata: {name: web-stable, namespace: default}
        spec:
          selector: {app: web}
          ports:
          - {name: http, port: 80, targetPort: http}
        """;

    public const string Ingress = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          namespace: default
          annotations:
            kubernetes.io/ingress.class: alb
        spec:
          rules:
          - http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service: {name: web-stable, port: {name: use-annotation}}
        status:
          loadBalancer:
            ingress:
            - hostname: k8s-default-web-0123456789-1234567890.us-west-2.elb.amazonaws.com
        """;

    public static JsonObject PodTemplate => (JsonObject)JsonNode.Parse("""
        {"metadata":{"labels":{"app":"web"}},
         "spec":{"containers":[{"name":"app","image":"nginx:1.27","ports":[{"name":"http","containerPort":8080}]}]}}
        """)!;
}
