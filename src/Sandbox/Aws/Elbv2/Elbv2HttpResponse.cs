namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>The emulator's answer.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">XML body.</param>
public sealed record Elbv2HttpResponse(int Status, string Body)
{
    /// <summary>The content type of every answer.</summary>
    public const string ContentType = "text/xml";
}
