namespace RolloutWorkflows.Sandbox.Temporal.Hosting;

using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

/// <summary>
/// Registers every method of the Temporal services from the descriptors compiled into Temporalio.dll,
/// so no .proto code generation is needed: each method gets protobuf marshallers and one generic handler.
/// </summary>
internal sealed class DescriptorMethodProvider : IServiceMethodProvider<TemporalGrpcService>
{
    private static MethodInfo AddMethodInfo { get; } =
        typeof(DescriptorMethodProvider).GetMethod(nameof(AddMethod), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Gets the services served, as their descriptors.</summary>
    public static IReadOnlyList<ServiceDescriptor> Services { get; } =
    [
        Temporalio.Api.WorkflowService.V1.ServiceReflection.Descriptor.Services[0],
        Temporalio.Api.OperatorService.V1.ServiceReflection.Descriptor.Services[0],
        Temporalio.Api.TestService.V1.ServiceReflection.Descriptor.Services[0],
    ];

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TemporalGrpcService> context)
    {
        foreach (var service in Services)
        {
            foreach (var method in service.Methods)
            {
                if (method.IsClientStreaming || method.IsServerStreaming)
                {
                    continue;
                }

                AddMethodInfo.MakeGenericMethod(method.InputType.ClrType, method.OutputType.ClrType)
                    .Invoke(null, [context, method]);
            }
        }
    }

    private static void AddMethod<TRequest, TResponse>(ServiceMethodProviderContext<TemporalGrpcService> context, MethodDescriptor descriptor)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var requestParser = new MessageParser<TRequest>(() => new TRequest());
        var responseParser = new MessageParser<TResponse>(() => new TResponse());
        var method = new Method<TRequest, TResponse>(
            MethodType.Unary,
            descriptor.Service.FullName,
            descriptor.Name,
            Marshallers.Create(message => message.ToByteArray(), requestParser.ParseFrom),
            Marshallers.Create(message => message.ToByteArray(), responseParser.ParseFrom));
        context.AddUnaryMethod(method, [], (service, request, callContext) => service.HandleAsync<TResponse>(descriptor, request, callContext));
    }
}
