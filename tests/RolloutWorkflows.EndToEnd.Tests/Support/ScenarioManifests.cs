namespace RolloutWorkflows.EndToEnd.Tests.Support;

/// <summary>
/// Rollouts the scenarios need beyond the examples/ files: indefinite pauses (so a test can act at a known step
/// while time skipping is on), a shorter ping-pong, auto-promoting blue-green, rootService, a shared ingress.
/// Each is a complete manifest; <see cref="EndToEndStack.SeedAsync"/> creates its Services and Ingresses.
/// </summary>
public static class ScenarioManifests
{
    /// <summary>The example canary (examples/rollout.yaml) with its 10 s pause made indefinite: 20 %, pause until promoted, 50 %, ...</summary>
    public static string ManualPauseCanary { get; } =
        Examples.Canary.Replace("- pause: {duration: 10s}\n      - setWeight: 50", "- pause: {}\n      - setWeight: 50", StringComparison.Ordinal);

    /// <summary>
    /// The guide's canary (Rollout web on the Services and Ingress of <see cref="Examples.Canary"/>) with two
    /// indefinite pauses: 20 %, pause, 50 %, pause.
    /// </summary>
    public static string PausingCanary => """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web
          namespace: default
        spec:
          replicas: 4
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports:
                - containerPort: 80
          strategy:
            canary:
              canaryService: web-canary
              stableService: web-stable
              scaleDownDelaySeconds: 10
              trafficRouting:
                alb:
                  ingress: web
                  servicePort: 80
              steps:
              - setWeight: 20
              - pause: {}
              - setWeight: 50
              - pause: {}
        """;

    /// <summary>Ping-pong web-pp (on the objects of <see cref="Examples.PingPong"/>) with one 20 % step and a timed pause.</summary>
    public static string ShortPingPong => """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web-pp
          namespace: default
        spec:
          replicas: 4
          selector:
            matchLabels:
              app: web-pp
          template:
            metadata:
              labels:
                app: web-pp
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports:
                - containerPort: 80
          strategy:
            canary:
              pingPong:
                pingService: web-ping
                pongService: web-pong
              trafficRouting:
                alb:
                  ingress: web-pp
                  rootService: web-root
                  servicePort: 80
              steps:
              - setWeight: 20
              - pause: {duration: 10s}
        """;

    /// <summary>Blue-green web-bg (on the objects of <see cref="Examples.BlueGreen"/>) promoted automatically 20 s after the preview is up.</summary>
    public static string AutoPromotingBlueGreen => """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web-bg
          namespace: default
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: web-bg
          template:
            metadata:
              labels:
                app: web-bg
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports:
                - containerPort: 80
          strategy:
            blueGreen:
              activeService: web-active
              previewService: web-preview
              autoPromotionSeconds: 20
              scaleDownDelaySeconds: 30
        """;

    /// <summary>
    /// A canary whose Ingress rule points at a root Service (the action key is <c>actions.shop-root</c>, forwarding to
    /// shop-canary and shop-stable): Rollout shop, Services shop-root/shop-canary/shop-stable, Ingress shop.
    /// </summary>
    public static string RootServiceCanary => """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: shop
          namespace: default
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: shop
          template:
            metadata:
              labels:
                app: shop
            spec:
              containers:
              - name: shop
                image: nginx:1.27
                ports:
                - containerPort: 80
          strategy:
            canary:
              canaryService: shop-canary
              stableService: shop-stable
              trafficRouting:
                alb:
                  ingress: shop
                  rootService: shop-root
                  servicePort: 80
              steps:
              - setWeight: 20
              - pause: {}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          namespace: default
          annotations:
            alb.ingress.kubernetes.io/scheme: internet-facing
            alb.ingress.kubernetes.io/target-type: ip
        spec:
          ingressClassName: alb
          rules:
          - http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service:
                    name: shop-root
                    port:
                      name: use-annotation
        """ + Services("shop", "shop-root", "shop-canary", "shop-stable");

    /// <summary>
    /// One Ingress, <c>shared</c>, carrying two rollouts: ping-pong <c>cart</c> under <c>/cart</c> (root Service
    /// cart-root, sides cart-ping/cart-pong; one 20 % step then an indefinite pause) and the canary <c>search</c> under
    /// <c>/</c> (search-canary/search-stable).
    /// </summary>
    public static string SharedIngress => """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: cart
          namespace: default
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: cart
          template:
            metadata:
              labels:
                app: cart
            spec:
              containers:
              - name: cart
                image: nginx:1.27
                ports:
                - containerPort: 80
          strategy:
            canary:
              pingPong:
                pingService: cart-ping
                pongService: cart-pong
              trafficRouting:
                alb:
                  ingress: shared
                  rootService: cart-root
                  servicePort: 80
              steps:
              - setWeight: 20
              - pause: {}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shared
          namespace: default
          annotations:
            alb.ingress.kubernetes.io/scheme: internet-facing
            alb.ingress.kubernetes.io/target-type: ip
        spec:
          ingressClassName: alb
          rules:
          - http:
              paths:
              - path: /cart
                pathType: Prefix
                backend:
                  service:
                    name: cart-root
                    port:
                      name: use-annotation
              - path: /
                pathType: Prefix
                backend:
                  service:
                    name: search-stable
                    port:
                      name: use-annotation
        """ + Services("cart", "cart-root", "cart-ping", "cart-pong") + Services("search", "search-canary", "search-stable");

    /// <summary>The canary Rollout <c>search</c> that shares Ingress <c>shared</c> (see <see cref="SharedIngress"/>).</summary>
    public static string SearchOnSharedIngress => """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: search
          namespace: default
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: search
          template:
            metadata:
              labels:
                app: search
            spec:
              containers:
              - name: search
                image: nginx:1.27
                ports:
                - containerPort: 80
          strategy:
            canary:
              canaryService: search-canary
              stableService: search-stable
              trafficRouting:
                alb:
                  ingress: shared
                  servicePort: 80
              steps:
              - setWeight: 50
        """;

    /// <summary>Services on port 80 selecting <c>app: <paramref name="app"/></c>, one document each.</summary>
    private static string Services(string app, params string[] names) => string.Concat(names.Select(name => $"""

        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: {name}
          namespace: default
        spec:
          selector:
            app: {app}
          ports:
          - port: 80
            targetPort: 80
        """));
}
