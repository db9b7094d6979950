namespace RolloutWorkflows.Activities.Tests.Rollout;

using RolloutWorkflows.Workflows.Contracts;

/// <summary>A rollout "web" with root, stable and canary Services behind the ALB Ingress "web".</summary>
internal static class TrafficManifests
{
    public const string IngressName = "web";

    public const string ActionKey = "alb.ingress.kubernetes.io/actions.web-root";

    public const string Services = """
        apiVersion: v1
        kind: Service
        metadata: {name: web-root, namespace: default}
        spec:
          selector: {app: web}
          ports: [{name: http, port: 80, targetPort: 8080}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-stable, namespace: default}
        spec:
          selector: {app: web, rollouts-pod-template-hash: s1}
          ports: [{name: http, port: 80, targetPort: 8080}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-canary, namespace: default}
        spec:
          selector: {app: web, rollouts-pod-template-hash: c1}
          ports: [{name: http, port: 80, targetPort: 8080}]
        """;

    public static AlbAction Action(string ingress = IngressName) =>
        new("default", "web", ingress, "alb.ingress.kubernetes.io", "web-root", "web-canary", "web-stable", 80, null);

    /// <summary>The ALB Ingress; <paramref name="extraAnnotations"/> are YAML lines indented under annotations.</summary>
    public static string Ingress(string? extraAnnotations) => $$$"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: {{{IngressName}}}
          namespace: default
          annotations:
            kubernetes.io/ingress.class: alb
        {{{extraAnnotations ?? ""}}}
        spec:
          rules:
          - http:
              paths:
              - path: /*
                pathType: ImplementationSpecific
                backend:
                  service: {name: web-root, port: {name: use-annotation}}
        """;
}
