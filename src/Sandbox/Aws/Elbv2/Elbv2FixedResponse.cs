namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>FixedResponseConfig.</summary>
/// <param name="StatusCode">HTTP status code returned.</param>
/// <param name="ContentType">Content type, `text/plain` by default.</param>
/// <param name="MessageBody">Optional body.</param>
public sealed record Elbv2FixedResponse(int StatusCode, string ContentType, string? MessageBody);
