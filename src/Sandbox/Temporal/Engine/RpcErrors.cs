namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Temporalio.Api.Common.V1;
using Temporalio.Api.ErrorDetails.V1;
using Temporalio.Api.Failure.V1;

/// <summary>
/// gRPC errors as the real frontend sends them: the typed detail travels in <c>grpc-status-details-bin</c>
/// (a google.rpc.Status, wire-compatible with <see cref="GrpcStatus"/>) so the SDK raises its usual exceptions.
/// </summary>
internal static class RpcErrors
{
    public static RpcException NotFound(string message) =>
        Create(StatusCode.NotFound, message, new NotFoundFailure());

    public static RpcException InvalidArgument(string message) =>
        Create(StatusCode.InvalidArgument, message, null);

    public static RpcException FailedPrecondition(string message) =>
        Create(StatusCode.FailedPrecondition, message, null);

    public static RpcException AlreadyExists(string message) =>
        Create(StatusCode.AlreadyExists, message, null);

    public static RpcException AlreadyStarted(string message, string startRequestId, string runId) =>
        Create(StatusCode.AlreadyExists, message, new WorkflowExecutionAlreadyStartedFailure { StartRequestId = startRequestId, RunId = runId });

    public static RpcException QueryFailed(string message, Failure? failure) =>
        Create(StatusCode.InvalidArgument, message, new QueryFailedFailure { Failure = failure ?? new Failure { Message = message } });

    public static RpcException DeadlineExceeded(string message) =>
        Create(StatusCode.DeadlineExceeded, message, null);

    /// <summary>
    /// Wraps the failure of one operation of an ExecuteMultiOperation call as the real server does: an
    /// Aborted status whose detail lists each operation's status (the others are "aborted").
    /// </summary>
    public static RpcException MultiOperation(RpcException failed, int failedIndex, int operationCount)
    {
        var failure = new MultiOperationExecutionFailure();
        for (var i = 0; i < operationCount; i++)
        {
            var status = new MultiOperationExecutionFailure.Types.OperationStatus { Code = (int)StatusCode.Aborted, Message = "Operation was aborted." };
            if (i == failedIndex)
            {
                status.Code = (int)failed.StatusCode;
                status.Message = failed.Status.Detail;
                var details = failed.Trailers.GetValueBytes("grpc-status-details-bin");
                if (details is not null)
                {
                    status.Details.Add(GrpcStatus.Parser.ParseFrom(details).Details);
                }
            }

            failure.Statuses.Add(status);
        }

        return Create(StatusCode.Aborted, "Update-with-Start could not be executed.", failure);
    }

    private static RpcException Create(StatusCode code, string message, IMessage? detail)
    {
        var status = new GrpcStatus { Code = (int)code, Message = message };
        if (detail is not null)
        {
            status.Details.Add(Any.Pack(detail));
        }

        var trailers = new Metadata { { "grpc-status-details-bin", status.ToByteArray() } };
        return new RpcException(new Status(code, message), trailers);
    }
}
