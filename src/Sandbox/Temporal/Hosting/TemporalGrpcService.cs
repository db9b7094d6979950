namespace RolloutWorkflows.Sandbox.Temporal.Hosting;

using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

/// <summary>The one gRPC service class every Temporal method is bound to; it forwards to the router.</summary>
internal sealed class TemporalGrpcService(RpcRouter router)
{
    public async Task<TResponse> HandleAsync<TResponse>(MethodDescriptor method, IMessage request, ServerCallContext context)
        where TResponse : IMessage
    {
        var response = await router.InvokeAsync(method, request, context).ConfigureAwait(false);
        return (TResponse)response;
    }
}
