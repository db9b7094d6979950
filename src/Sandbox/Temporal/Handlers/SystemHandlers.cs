namespace RolloutWorkflows.Sandbox.Temporal.Handlers;

using Google.Protobuf.WellKnownTypes;
using RolloutWorkflows.Sandbox.Temporal.Engine;
using RolloutWorkflows.Sandbox.Temporal.Hosting;
using Temporalio.Api.Namespace.V1;
using Temporalio.Api.OperatorService.V1;
using Temporalio.Api.WorkflowService.V1;

/// <summary>Server and namespace facts, worker shutdown, and the OperatorService search-attribute calls.</summary>
internal sealed class SystemHandlers(SandboxEngine engine)
{
    internal const string Workflow = "WorkflowService";
    internal const string Operator = "OperatorService";

    public void Register(RpcRouter router)
    {
        router.Add<GetSystemInfoRequest, GetSystemInfoResponse>(Workflow, "GetSystemInfo", GetSystemInfo);
        router.Add<DescribeNamespaceRequest, DescribeNamespaceResponse>(Workflow, "DescribeNamespace", DescribeNamespace);
        router.Add<ListNamespacesRequest, ListNamespacesResponse>(Workflow, "ListNamespaces", ListNamespaces);
        router.Add<GetSearchAttributesRequest, GetSearchAttributesResponse>(Workflow, "GetSearchAttributes", GetSearchAttributes);
        router.Add<ShutdownWorkerRequest, ShutdownWorkerResponse>(Workflow, "ShutdownWorker", _ => new ShutdownWorkerResponse());
        router.Add<ResetStickyTaskQueueRequest, ResetStickyTaskQueueResponse>(Workflow, "ResetStickyTaskQueue", _ => new ResetStickyTaskQueueResponse());
        router.Add<AddSearchAttributesRequest, AddSearchAttributesResponse>(Operator, "AddSearchAttributes", AddSearchAttributes);
        router.Add<RemoveSearchAttributesRequest, RemoveSearchAttributesResponse>(Operator, "RemoveSearchAttributes", RemoveSearchAttributes);
        router.Add<ListSearchAttributesRequest, ListSearchAttributesResponse>(Operator, "ListSearchAttributes", ListSearchAttributes);
    }

    private static GetSystemInfoResponse GetSystemInfo(GetSystemInfoRequest request) => new()
    {
        ServerVersion = "1.29.0-rollouts-sandbox",
        Capabilities = new GetSystemInfoResponse.Types.Capabilities
        {
            SignalAndQueryHeader = true,
            InternalErrorDifferentiation = true,
            ActivityFailureIncludeHeartbeat = true,
            EncodedFailureAttributes = true,
            SdkMetadata = true,
            UpsertMemo = true,
            CountGroupByExecutionStatus = false,
            EagerWorkflowStart = false,
        },
    };

    private static DescribeNamespaceResponse Describe(SandboxNamespace ns) => new()
    {
        NamespaceInfo = new NamespaceInfo
        {
            Name = ns.Name,
            Id = ns.Id,
            State = Temporalio.Api.Enums.V1.NamespaceState.Registered,
            Description = "In-memory namespace of the rollouts Temporal sandbox",
            Capabilities = new NamespaceInfo.Types.Capabilities { SyncUpdate = true, AsyncUpdate = true },
        },
        Config = new NamespaceConfig { WorkflowExecutionRetentionTtl = Duration.FromTimeSpan(TimeSpan.FromDays(1)) },
    };

    private DescribeNamespaceResponse DescribeNamespace(DescribeNamespaceRequest request)
    {
        lock (engine.Gate)
        {
            var ns = request.Namespace.Length == 0 && request.Id.Length > 0
                ? engine.Namespaces.FirstOrDefault(candidate => candidate.Id == request.Id) ?? throw RpcErrors.NotFound($"Namespace id {request.Id} is not found.")
                : engine.GetNamespace(request.Namespace);
            return Describe(ns);
        }
    }

    private ListNamespacesResponse ListNamespaces(ListNamespacesRequest request)
    {
        lock (engine.Gate)
        {
            var response = new ListNamespacesResponse();
            response.Namespaces.AddRange(engine.Namespaces.Select(Describe));
            return response;
        }
    }

    private GetSearchAttributesResponse GetSearchAttributes(GetSearchAttributesRequest request)
    {
        lock (engine.Gate)
        {
            var response = new GetSearchAttributesResponse();
            response.Keys.Add(SearchAttributeValues.System.ToDictionary());
            foreach (var (name, type) in engine.GetNamespace("default").SearchAttributes)
            {
                response.Keys[name] = type;
            }

            return response;
        }
    }

    private AddSearchAttributesResponse AddSearchAttributes(AddSearchAttributesRequest request)
    {
        lock (engine.Gate)
        {
            var ns = engine.GetNamespace(request.Namespace);
            foreach (var (name, type) in request.SearchAttributes)
            {
                if (SearchAttributeValues.System.ContainsKey(name))
                {
                    throw RpcErrors.InvalidArgument($"Search attribute {name} is a system attribute; choose another name.");
                }

                if (ns.SearchAttributes.TryGetValue(name, out var existing) && existing != type)
                {
                    throw RpcErrors.AlreadyExists($"Search attribute {name} already exists with type {existing}.");
                }

                ns.SearchAttributes[name] = type;
            }

            return new AddSearchAttributesResponse();
        }
    }

    private RemoveSearchAttributesResponse RemoveSearchAttributes(RemoveSearchAttributesRequest request)
    {
        lock (engine.Gate)
        {
            var ns = engine.GetNamespace(request.Namespace);
            foreach (var name in request.SearchAttributes)
            {
                if (!ns.SearchAttributes.Remove(name))
                {
                    throw RpcErrors.NotFound($"Search attribute {name} is not registered.");
                }
            }

            return new RemoveSearchAttributesResponse();
        }
    }

    private ListSearchAttributesResponse ListSearchAttributes(ListSearchAttributesRequest request)
    {
        lock (engine.Gate)
        {
            var response = new ListSearchAttributesResponse();
            response.SystemAttributes.Add(SearchAttributeValues.System.ToDictionary());
            response.CustomAttributes.Add(engine.GetNamespace(request.Namespace).SearchAttributes);
            return response;
        }
    }
}
