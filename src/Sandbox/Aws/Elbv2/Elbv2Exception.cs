namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Net;

/// <summary>An ELBv2 error answered as `ErrorResponse` XML with the given HTTP status.</summary>
public sealed class Elbv2Exception : Exception
{
    /// <summary>Initializes a new instance of the <see cref="Elbv2Exception"/> class.</summary>
    public Elbv2Exception(HttpStatusCode status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    /// <summary>Gets the HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>Gets the AWS error code.</summary>
    public string Code { get; }

    /// <summary>Gets the error type: `Receiver` for 5xx (the service's fault), otherwise `Sender`.</summary>
    public string ErrorType => (int)Status >= 500 ? "Receiver" : "Sender";

    /// <summary>A 400 ValidationError.</summary>
    public static Elbv2Exception Validation(string message) => new(HttpStatusCode.BadRequest, "ValidationError", message);

    /// <summary>A 400 *NotFound error.</summary>
    public static Elbv2Exception NotFound(string code, string message) => new(HttpStatusCode.BadRequest, code, message);

    /// <summary>The 400 Throttling error AWS answers when the account's token bucket is empty.</summary>
    public static Elbv2Exception Throttling() => new(HttpStatusCode.BadRequest, "Throttling", "Rate exceeded");

    /// <summary>A 500 InternalFailure.</summary>
    public static Elbv2Exception InternalFailure() =>
        new(HttpStatusCode.InternalServerError, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure.");

    /// <summary>The not-found error for an unknown ARN of the given kind.</summary>
    public static Elbv2Exception NotFoundFor(string arn) => Elbv2Arns.KindOf(arn) switch
    {
        "loadbalancer" => NotFound("LoadBalancerNotFound", $"Load balancers '[{arn}]' not found"),
        "listener" => NotFound("ListenerNotFound", $"Listener '{arn}' not found"),
        "listener-rule" => NotFound("RuleNotFound", $"One or more rules not found"),
        "targetgroup" => NotFound("TargetGroupNotFound", $"Target groups '[{arn}]' not found"),
        _ => Validation($"'{arn}' is not a valid Elastic Load Balancing resource ARN"),
    };
}
