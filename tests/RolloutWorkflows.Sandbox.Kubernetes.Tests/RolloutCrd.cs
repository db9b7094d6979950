namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

/// <summary>The Argo Rollout CRD (trimmed schema) and a Rollout, as manifests.</summary>
internal static class RolloutCrd
{
    public const string Group = "argoproj.io";
    public const string Version = "v1alpha1";
    public const string Plural = "rollouts";

    public const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: rollouts.argoproj.io
        spec:
          group: argoproj.io
          names:
            kind: Rollout
            listKind: RolloutList
            plural: rollouts
            singular: rollout
            shortNames: [ro]
          scope: Namespaced
          versions:
          - name: v1alpha1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
            subresources:
              status: {}
              scale:
                specReplicasPath: .spec.replicas
                statusReplicasPath: .status.HPAReplicas
                labelSelectorPath: .status.selector
        """;

    public const string Rollout = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web
          namespace: prod
        spec:
          replicas: 4
          strategy:
            canary:
              steps:
              - setWeight: 20
              - pause: {}
        status:
          phase: Healthy
        """;
}
