namespace RolloutWorkflows.Sandbox.Kubernetes.Watch;

using System.Text.Json.Nodes;

/// <summary>One committed change, kept in the ring buffer for watch resume.</summary>
/// <param name="Revision">The global resourceVersion the change produced.</param>
/// <param name="Type">ADDED, MODIFIED or DELETED.</param>
/// <param name="Resource">The resource the object belongs to.</param>
/// <param name="Object">The object after the change (the final object for DELETED); never mutated.</param>
/// <param name="Previous">The object before the change, used for selector transitions.</param>
public sealed record StoredEvent(long Revision, string Type, ResourceType Resource, JsonObject Object, JsonObject? Previous);
