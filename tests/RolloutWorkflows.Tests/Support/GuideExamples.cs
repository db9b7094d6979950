namespace RolloutWorkflows.Tests.Support;

/// <summary>
/// The YAML examples of the ALB guide (shared/reference/alb-guide.md), copied verbatim, including
/// their indentation and comments: the engine must accept them as written.
/// </summary>
public static class GuideExamples
{
    public const string CanaryWithAlb = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        spec:
          strategy:
            canary:
              canaryService: canary-service      # required: selects the canary ReplicaSet
              stableService: stable-service      # required: selects the stable ReplicaSet
              trafficRouting:
                alb:
                  ingress: ingress               # required: gets the action annotation
                  rootService: root-service      # optional: the Service the Ingress rule points to; default stableService
                  servicePort: 443               # required: the port the Services listen on
        """;

    public const string IngressV1Beta1 = """
        apiVersion: networking.k8s.io/v1beta1
        kind: Ingress
        metadata:
          name: ingress
          annotations:
            kubernetes.io/ingress.class: alb
        spec:
          rules:
          - http:
              paths:
              - path: /*
                backend:
                  serviceName: root-service      # must match rootService, or stableService when rootService is omitted
                  servicePort: use-annotation    # tells the LBC to read the actions annotation
        """;

    public const string InjectedAnnotations = """
        metadata:
          annotations:
            kubernetes.io/ingress.class: alb
            alb.ingress.kubernetes.io/actions.root-service: |
              {"Type":"forward","ForwardConfig":{"TargetGroups":[
                {"Weight":10,"ServiceName":"canary-service","ServicePort":"80"},
                {"Weight":90,"ServiceName":"stable-service","ServicePort":"80"}]}}
        """;

    public const string RootService = """
        spec:
          strategy:
            canary:
              canaryService: guestbook-canary
              stableService: guestbook-stable
              trafficRouting:
                alb:
                  rootService: guestbook-root
        """;

    /// <summary>A fragment of <c>spec.strategy.canary</c>, indented as in the guide.</summary>
    public const string Stickiness = """
              trafficRouting:
                alb:
                  stickinessConfig:
                    enabled: true
                    durationSeconds: 3600
        """;

    public const string PingPong = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: example-rollout
        spec:
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              containers:
              - name: nginx
                image: nginx:1.15.4
                ports:
                - containerPort: 80
          strategy:
            canary:
              pingPong:
                pingService: ping-service
                pongService: pong-service
              trafficRouting:
                alb:
                  ingress: alb-ingress
                  servicePort: 80
              steps:
              - setWeight: 20
              - pause: {}
        """;

    /// <summary>A fragment of <c>spec.strategy.canary</c>, indented as in the guide.</summary>
    public const string AnnotationPrefix = """
              trafficRouting:
                alb:
                  annotationPrefix: custom.alb.ingress.kubernetes.io
        """;
}
