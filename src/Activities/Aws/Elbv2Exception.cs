namespace RolloutWorkflows.Activities.Aws;

using System.Net;

/// <summary>An error returned by ELBv2 (an <c>ErrorResponse</c>) or a response we could not understand.
/// The classification properties drive retries (<see cref="IsTransient"/>) and cache invalidation
/// (<see cref="IsNotFound"/>).</summary>
public sealed class Elbv2Exception : Exception
{
    // Codes the AWS SDKs treat as throttling (RetryPolicy.ThrottlingErrorCodes in AWSSDK.Core).
    private static HashSet<string> ThrottlingCodes { get; } = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete",
    };

    private static HashSet<string> TransientCodes { get; } = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "HealthUnavailable", "InternalFailure", "ServiceUnavailable",
    };

    public Elbv2Exception(string operation, string code, string? errorType, HttpStatusCode statusCode, string? requestId, string message, Exception? innerException = null)
        : base($"ELBv2 {operation} failed: {code} (HTTP {(int)statusCode}{(requestId is null ? "" : ", request " + requestId)}): {message}", innerException)
    {
        Operation = operation;
        Code = code;
        ErrorType = errorType;
        StatusCode = statusCode;
        RequestId = requestId;
        ErrorMessage = message;
    }

    /// <summary>The ELBv2 action that failed, e.g. <c>DescribeRules</c>.</summary>
    public string Operation { get; }

    /// <summary>The AWS error code, e.g. <c>TargetGroupNotFound</c> or <c>Throttling</c>.</summary>
    public string Code { get; }

    /// <summary>The AWS error type: <c>Sender</c> or <c>Receiver</c>, when reported.</summary>
    public string? ErrorType { get; }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The AWS request id, for support cases.</summary>
    public string? RequestId { get; }

    /// <summary>The message AWS returned.</summary>
    public string ErrorMessage { get; }

    /// <summary>Gets a value indicating whether AWS rate-limited the call.</summary>
    public bool IsThrottling => ThrottlingCodes.Contains(Code) || StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>Gets a value indicating whether retrying the same call may succeed (throttling, 5xx, timeouts, unparsable 200s).</summary>
    public bool IsTransient => IsThrottling || TransientCodes.Contains(Code) || (int)StatusCode >= 500;

    /// <summary>Gets a value indicating whether a named resource does not exist (any <c>*NotFound</c> code): caches must be rediscovered.</summary>
    public bool IsNotFound => Code.EndsWith("NotFound", StringComparison.Ordinal);
}
