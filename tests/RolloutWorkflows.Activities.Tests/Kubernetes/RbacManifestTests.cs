namespace RolloutWorkflows.Activities.Tests.Kubernetes;

using System.Reflection;
using RolloutWorkflows.Activities.Kubernetes;
using YamlDotNet.RepresentationModel;

public class RbacManifestTests
{
    [Fact]
    public void ClusterRole_GrantsExactlyTheVerbsTheGatewaysDeclare()
    {
        var declared = typeof(KubernetesAccessAttribute).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<KubernetesAccessAttribute>())
            .SelectMany(a => a.Verbs.Select(v => $"{a.ApiGroup}/{a.Resource}:{v}"))
            .ToHashSet();

        var granted = GrantedPermissions(RepositoryFiles.Read("deploy", "rbac.yaml"));

        Assert.NotEmpty(declared);
        Assert.Equal(declared.Order(StringComparer.Ordinal), granted.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ClusterRole_NeverGrantsWildcardsOrDelete()
    {
        var granted = GrantedPermissions(RepositoryFiles.Read("deploy", "rbac.yaml"));

        Assert.DoesNotContain(granted, p => p.Contains('*', StringComparison.Ordinal));
        Assert.DoesNotContain(granted, p => p.EndsWith(":delete", StringComparison.Ordinal));
    }

    private static HashSet<string> GrantedPermissions(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var result = new HashSet<string>();
        foreach (var document in stream.Documents)
        {
            var root = (YamlMappingNode)document.RootNode;
            if (root.Children[new YamlScalarNode("kind")].ToString() != "ClusterRole")
            {
                continue;
            }

            foreach (YamlMappingNode rule in (YamlSequenceNode)root.Children[new YamlScalarNode("rules")])
            {
                var groups = Scalars(rule, "apiGroups");
                var resources = Scalars(rule, "resources");
                var verbs = Scalars(rule, "verbs");
                foreach (var g in groups)
                {
                    foreach (var r in resources)
                    {
                        foreach (var v in verbs)
                        {
                            result.Add($"{g}/{r}:{v}");
                        }
                    }
                }
            }
        }

        return result;
    }

    private static IEnumerable<string> Scalars(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(c => c.ToString());
}
