namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Xml.Linq;

/// <summary>
/// The emulator's request pipeline, shared by Kestrel and the in-memory handler: parse the Query form,
/// verify SigV4, count, take a token from the account's bucket, inject faults, check IAM denies, dispatch.
/// </summary>
public sealed class Elbv2RequestProcessor
{
    /// <summary>The only API version served.</summary>
    public const string ApiVersion = "2015-12-01";

    internal static readonly Dictionary<string, Func<Elbv2Store, QueryParameters, IEnumerable<XElement>>> Operations = new(StringComparer.Ordinal)
    {
        ["DescribeLoadBalancers"] = DescribeLoadBalancersOperation.Run,
        ["DescribeListeners"] = DescribeListenersOperation.Run,
        ["DescribeRules"] = DescribeRulesOperation.Run,
        ["DescribeTargetGroups"] = DescribeTargetGroupsOperation.Run,
        ["DescribeTags"] = DescribeTagsOperation.Run,
        ["DescribeTargetHealth"] = DescribeTargetHealthOperation.Run,
    };

    private readonly Elbv2EmulatorOptions options;
    private readonly SigV4Verifier verifier;
    private readonly ConcurrentDictionary<string, TokenBucket> buckets = new(StringComparer.Ordinal);
    private readonly Lock diceGate = new();
    private readonly Random dice;
    private Elbv2Faults faults = Elbv2Faults.None;

    /// <summary>Initializes a new instance of the <see cref="Elbv2RequestProcessor"/> class.</summary>
    public Elbv2RequestProcessor(Elbv2EmulatorOptions options, Elbv2Store store)
    {
        this.options = options;
        Store = store;
        verifier = new SigV4Verifier(options.Credentials, options.Region, "elasticloadbalancing", options.TimeProvider, options.MaxClockSkew);
        dice = new Random(options.FaultSeed);
    }

    /// <summary>Gets the store served.</summary>
    public Elbv2Store Store { get; }

    /// <summary>Gets the call counters.</summary>
    public Elbv2Counters Counters { get; } = new();

    /// <summary>Gets or sets the faults injected from now on.</summary>
    public Elbv2Faults Faults
    {
        get => Volatile.Read(ref faults);
        set => Volatile.Write(ref faults, value.Validate());
    }

    /// <summary>Answers one request.</summary>
    public async Task<Elbv2HttpResponse> ProcessAsync(Elbv2HttpRequest request, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString();
        string? operation = null;
        try
        {
            var query = Parameters(request);
            var credential = verifier.Verify(request);
            operation = Operation(query);
            Counters.RecordCall(operation);
            var current = Faults;
            if (current.Latency > TimeSpan.Zero)
            {
                await Task.Delay(current.Latency, options.TimeProvider, cancellationToken);
            }

            if (!Bucket(credential.AccountId).TryTake() || Roll(current.ThrottleShare))
            {
                throw Elbv2Exception.Throttling();
            }

            if (Roll(current.ServerErrorShare))
            {
                throw Elbv2Exception.InternalFailure();
            }

            if (credential.DeniedActions?.Contains(operation) == true)
            {
                throw new Elbv2Exception(
                    HttpStatusCode.Forbidden,
                    "AccessDenied",
                    $"User: arn:aws:iam::{credential.AccountId}:user/sandbox is not authorized to perform: elasticloadbalancing:{operation} because no identity-based policy allows the elasticloadbalancing:{operation} action");
            }

            return new Elbv2HttpResponse(200, Elbv2Xml.Response(operation, Operations[operation](Store, query), requestId));
        }
        catch (Elbv2Exception error)
        {
            if (operation is not null)
            {
                if (error.Code == "Throttling")
                {
                    Counters.RecordThrottled(operation);
                }
                else
                {
                    Counters.RecordFailed(operation);
                }
            }

            return new Elbv2HttpResponse((int)error.Status, Elbv2Xml.Error(error, requestId));
        }
    }

    private static QueryParameters Parameters(Elbv2HttpRequest request)
    {
        var isForm = request.Header("content-type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        return request.Method == "POST" && isForm
            ? QueryParameters.Parse(Encoding.UTF8.GetString(request.Body))
            : QueryParameters.Parse(request.Query);
    }

    private static string Operation(QueryParameters query)
    {
        var action = query.Action;
        if (string.IsNullOrEmpty(action))
        {
            throw new Elbv2Exception(HttpStatusCode.BadRequest, "MissingAction", "Missing Action");
        }

        var version = query.Get("Version");
        if (version != ApiVersion || !Operations.ContainsKey(action))
        {
            throw new Elbv2Exception(HttpStatusCode.BadRequest, "InvalidAction", $"Could not find operation {action} for version {version ?? "NO_VERSION_SPECIFIED"}");
        }

        return action;
    }

    private TokenBucket Bucket(string accountId) =>
        buckets.GetOrAdd(accountId, _ => new TokenBucket(options.BucketCapacity, options.BucketRefillPerSecond, options.TimeProvider));

    private bool Roll(double share)
    {
        if (share <= 0)
        {
            return false;
        }

        lock (diceGate)
        {
            return dice.NextDouble() < share;
        }
    }
}
