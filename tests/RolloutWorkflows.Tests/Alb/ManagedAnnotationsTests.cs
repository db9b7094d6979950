namespace RolloutWorkflows.Tests.Alb;

using RolloutWorkflows.Activities.Alb;

public class ManagedAnnotationsTests
{
    [Fact]
    public void Serialize_SortsRolloutNamesAsGoDoes()
    {
        var map = ManagedAnnotations.Add(ManagedAnnotations.Add(new Dictionary<string, IReadOnlyList<string>>(), "zeta", "k/actions.z"), "alpha", "k/actions.a");

        Assert.Equal("""{"alpha":["k/actions.a"],"zeta":["k/actions.z"]}""", ManagedAnnotations.Serialize(map));
    }

    [Fact]
    public void Add_SameKeyTwice_IsIdempotentAndKeepsOtherEntries()
    {
        var start = ManagedAnnotations.Parse(Annotations("""{"other":["a/actions.x"]}"""), "web");

        var map = ManagedAnnotations.Add(ManagedAnnotations.Add(start, "web", "a/actions.s"), "web", "a/actions.s");

        Assert.Equal("""{"other":["a/actions.x"],"web":["a/actions.s"]}""", ManagedAnnotations.Serialize(map));
    }

    [Fact]
    public void Parse_CorruptJson_NamesTheAnnotationAndTheFix()
    {
        var ex = Assert.Throws<AlbAnnotationException>(() => ManagedAnnotations.Parse(Annotations("{not json"), "web"));

        Assert.Equal("ingress/web.metadata.annotations[rollouts.argoproj.io/managed-alb-annotations]", ex.Path);
        Assert.Contains("corrupt JSON", ex.Problem, StringComparison.Ordinal);
        Assert.Contains("fix or delete the annotation", ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"web":"a/actions.s"}""")]
    [InlineData("""{"web":[1]}""")]
    public void Parse_WrongShape_IsCorrupt(string json)
    {
        Assert.Throws<AlbAnnotationException>(() => ManagedAnnotations.Parse(Annotations(json), "web"));
    }

    [Fact]
    public void Parse_LegacyAnnotation_IsFoldedIn()
    {
        var annotations = new Dictionary<string, string>
        {
            [ManagedAnnotations.LegacyKey] = "ro1:alb.ingress.kubernetes.io/actions.s1,ro2:alb.ingress.kubernetes.io/actions.s2",
            [ManagedAnnotations.Key] = """{"ro3":["alb.ingress.kubernetes.io/actions.s3"]}""",
        };

        var map = ManagedAnnotations.Parse(annotations, "web");

        Assert.Equal(["ro1", "ro2", "ro3"], map.Keys);
        Assert.Equal(["alb.ingress.kubernetes.io/actions.s2"], map["ro2"]);
    }

    [Fact]
    public void Parse_MalformedLegacy_UsesArgosMessage()
    {
        var annotations = new Dictionary<string, string> { [ManagedAnnotations.LegacyKey] = "ro1-without-colon" };

        var ex = Assert.Throws<AlbAnnotationException>(() => ManagedAnnotations.Parse(annotations, "web"));

        Assert.Equal("ingress/web.metadata.annotations[rollouts.argoproj.io/managed-alb-actions]", ex.Path);
        Assert.StartsWith("incorrectly formatted managed actions annotation", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Remove_TakesOnlyThatRolloutsEntry()
    {
        var map = ManagedAnnotations.Parse(Annotations("""{"a":["k1"],"b":["k2"]}"""), "web");

        Assert.Equal("""{"b":["k2"]}""", ManagedAnnotations.Serialize(ManagedAnnotations.Remove(map, "a")));
    }

    [Fact]
    public void FindOtherOwner_SameKeyOfAnotherRollout_IsFound()
    {
        var map = ManagedAnnotations.Parse(Annotations("""{"a":["k1"],"b":["k2"]}"""), "web");

        Assert.Equal("a", ManagedAnnotations.FindOtherOwner(map, "k1", "b"));
        Assert.Null(ManagedAnnotations.FindOtherOwner(map, "k1", "a"));
    }

    private static Dictionary<string, string> Annotations(string json) => new() { [ManagedAnnotations.Key] = json };
}
