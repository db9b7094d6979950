namespace RolloutWorkflows.Workflows.Contracts;

public sealed record ResetAlbAnnotationsInput(AlbAction Action);
