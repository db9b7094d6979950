namespace RolloutWorkflows.Sandbox.Temporal.Hosting;

using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using RolloutWorkflows.Sandbox.Temporal.Engine;
using RolloutWorkflows.Sandbox.Temporal.Handlers;

/// <summary>Maps "Service/Method" to the handler implementing it; anything unmapped is Unimplemented.</summary>
internal sealed class RpcRouter
{
    private readonly Dictionary<string, Func<IMessage, ServerCallContext, Task<IMessage>>> handlers = new(StringComparer.Ordinal);
    private readonly SandboxEngine engine;

    private RpcRouter(SandboxEngine engine)
    {
        this.engine = engine;
    }

    /// <summary>Gets the number of RPCs with a handler.</summary>
    public int Count => handlers.Count;

    public static RpcRouter Create(SandboxEngine engine)
    {
        var router = new RpcRouter(engine);
        new SystemHandlers(engine).Register(router);
        new StartHandlers(engine).Register(router);
        new WorkflowTaskHandlers(engine).Register(router);
        new ActivityHandlers(engine).Register(router);
        new QueryUpdateHandlers(engine).Register(router);
        new VisibilityHandlers(engine).Register(router);
        new TestServiceHandlers(engine).Register(router);
        return router;
    }

    public void Add<TRequest, TResponse>(string service, string method, Func<TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : IMessage
        where TResponse : IMessage
    {
        handlers.Add($"{service}/{method}", async (request, context) => await handler((TRequest)request, context).ConfigureAwait(false));
    }

    public void Add<TRequest, TResponse>(string service, string method, Func<TRequest, TResponse> handler)
        where TRequest : IMessage
        where TResponse : IMessage
    {
        handlers.Add($"{service}/{method}", (request, _) => Task.FromResult<IMessage>(handler((TRequest)request)));
    }

    public async Task<IMessage> InvokeAsync(MethodDescriptor method, IMessage request, ServerCallContext context)
    {
        if (!handlers.TryGetValue($"{method.Service.Name}/{method.Name}", out var handler))
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, $"Method {method.Service.Name}/{method.Name} is not implemented by the Temporal sandbox."));
        }

        // Every namespaced request names its namespace in a "namespace" field; reject unknown ones up front.
        var field = method.InputType.FindFieldByName("namespace");
        if (field?.FieldType == FieldType.String && field.Accessor.GetValue(request) is string name && name.Length > 0)
        {
            lock (engine.Gate)
            {
                engine.GetNamespace(name);
            }
        }

        try
        {
            return await handler(request, context).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not RpcException and not OperationCanceledException)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Temporal sandbox failed on {method.Name}: {error}"));
        }
    }
}
