namespace RolloutWorkflows.Tests.Alb;

using RolloutWorkflows.Activities.Alb;

public class IngressAnnotationPatchTests
{
    [Fact]
    public void Compute_NothingChanges_IsEmpty()
    {
        var annotations = new Dictionary<string, string> { ["a"] = "1" };

        Assert.Equal("", IngressAnnotationPatch.Compute(annotations, new Dictionary<string, string>(annotations)));
    }

    [Fact]
    public void Compute_ChangedAddedRemoved_OnlyThoseSortedWithNullForRemoval()
    {
        var current = new Dictionary<string, string> { ["keep"] = "same", ["change"] = "old", ["gone"] = "x" };
        var desired = new Dictionary<string, string> { ["keep"] = "same", ["change"] = "new", ["added"] = "y" };

        Assert.Equal("""{"metadata":{"annotations":{"added":"y","change":"new","gone":null}}}""", IngressAnnotationPatch.Compute(current, desired));
    }

    [Fact]
    public void Compute_NullCurrent_AddsEverything()
    {
        Assert.Equal("""{"metadata":{"annotations":{"a":"1"}}}""", IngressAnnotationPatch.Compute(null, new Dictionary<string, string> { ["a"] = "1" }));
    }

    [Fact]
    public void Compute_EscapesLikeGo()
    {
        var patch = IngressAnnotationPatch.Compute(null, new Dictionary<string, string> { ["k"] = "{\"a\":\"<&>\"}\n" });

        Assert.Equal("""{"metadata":{"annotations":{"k":"{\"a\":\"\u003c\u0026\u003e\"}\n"}}}""", patch);
    }
}
