namespace RolloutWorkflows.Sandbox.Temporal.Handlers;

using RolloutWorkflows.Sandbox.Temporal.Engine;
using RolloutWorkflows.Sandbox.Temporal.Hosting;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.WorkflowService.V1;

/// <summary>Client calls that start, signal, cancel and terminate executions.</summary>
internal sealed class StartHandlers(SandboxEngine engine)
{
    internal const string Service = "WorkflowService";

    public void Register(RpcRouter router)
    {
        router.Add<StartWorkflowExecutionRequest, StartWorkflowExecutionResponse>(Service, "StartWorkflowExecution", Start);
        router.Add<SignalWorkflowExecutionRequest, SignalWorkflowExecutionResponse>(Service, "SignalWorkflowExecution", Signal);
        router.Add<SignalWithStartWorkflowExecutionRequest, SignalWithStartWorkflowExecutionResponse>(Service, "SignalWithStartWorkflowExecution", SignalWithStart);
        router.Add<RequestCancelWorkflowExecutionRequest, RequestCancelWorkflowExecutionResponse>(Service, "RequestCancelWorkflowExecution", RequestCancel);
        router.Add<TerminateWorkflowExecutionRequest, TerminateWorkflowExecutionResponse>(Service, "TerminateWorkflowExecution", Terminate);
    }

    private static HistoryEvent SignalEvent(string name, Temporalio.Api.Common.V1.Payloads? input, string identity, Temporalio.Api.Common.V1.Header? header, string requestId)
    {
        var signaled = HistoryEvents.New(EventType.WorkflowExecutionSignaled);
        signaled.WorkflowExecutionSignaledEventAttributes = new WorkflowExecutionSignaledEventAttributes
        {
            SignalName = name,
            Input = input,
            Identity = identity,
            Header = header,
            RequestId = requestId,
        };
        return signaled;
    }

    private static WorkflowRun Running(SandboxNamespace ns, string workflowId, string runId)
    {
        var run = ns.GetRun(workflowId, runId);
        return run.IsRunning ? run : throw RpcErrors.NotFound("workflow execution already completed");
    }

    private StartWorkflowExecutionResponse Start(StartWorkflowExecutionRequest request)
    {
        lock (engine.Gate)
        {
            var (run, started) = WorkflowStarter.Start(engine.GetNamespace(request.Namespace), request, null);
            return new StartWorkflowExecutionResponse { RunId = run.RunId, Started = started, Status = run.Status };
        }
    }

    private SignalWorkflowExecutionResponse Signal(SignalWorkflowExecutionRequest request)
    {
        lock (engine.Gate)
        {
            var run = Running(engine.GetNamespace(request.Namespace), request.WorkflowExecution.WorkflowId, request.WorkflowExecution.RunId);
            if (request.RequestId.Length == 0 || run.RequestIds.Add("signal:" + request.RequestId))
            {
                run.AddExternalEvent(SignalEvent(request.SignalName, request.Input, request.Identity, request.Header, request.RequestId));
            }

            return new SignalWorkflowExecutionResponse();
        }
    }

    private SignalWithStartWorkflowExecutionResponse SignalWithStart(SignalWithStartWorkflowExecutionRequest request)
    {
        lock (engine.Gate)
        {
            var ns = engine.GetNamespace(request.Namespace);
            var signal = SignalEvent(request.SignalName, request.SignalInput, request.Identity, request.Header, request.RequestId);
            var current = ns.CurrentRun(request.WorkflowId);
            if (current is { IsRunning: true })
            {
                current.AddExternalEvent(signal);
                return new SignalWithStartWorkflowExecutionResponse { RunId = current.RunId, Started = false };
            }

            var start = new StartWorkflowExecutionRequest
            {
                Namespace = request.Namespace,
                WorkflowId = request.WorkflowId,
                WorkflowType = request.WorkflowType,
                TaskQueue = request.TaskQueue,
                Input = request.Input,
                WorkflowExecutionTimeout = request.WorkflowExecutionTimeout,
                WorkflowRunTimeout = request.WorkflowRunTimeout,
                WorkflowTaskTimeout = request.WorkflowTaskTimeout,
                Identity = request.Identity,
                RequestId = request.RequestId,
                WorkflowIdReusePolicy = request.WorkflowIdReusePolicy,
                RetryPolicy = request.RetryPolicy,
                CronSchedule = request.CronSchedule,
                Memo = request.Memo,
                SearchAttributes = request.SearchAttributes,
                Header = request.Header,
                WorkflowStartDelay = request.WorkflowStartDelay,
                UserMetadata = request.UserMetadata,
                Priority = request.Priority,
            };
            var (run, started) = WorkflowStarter.Start(ns, start, newRun => newRun.Append(signal));
            return new SignalWithStartWorkflowExecutionResponse { RunId = run.RunId, Started = started };
        }
    }

    private RequestCancelWorkflowExecutionResponse RequestCancel(RequestCancelWorkflowExecutionRequest request)
    {
        lock (engine.Gate)
        {
            var run = Running(engine.GetNamespace(request.Namespace), request.WorkflowExecution.WorkflowId, request.WorkflowExecution.RunId);
            Lifecycle.RequestCancel(run, request.Reason, request.Identity);
            return new RequestCancelWorkflowExecutionResponse();
        }
    }

    private TerminateWorkflowExecutionResponse Terminate(TerminateWorkflowExecutionRequest request)
    {
        lock (engine.Gate)
        {
            var run = Running(engine.GetNamespace(request.Namespace), request.WorkflowExecution.WorkflowId, request.WorkflowExecution.RunId);
            Lifecycle.Terminate(run, request.Reason, request.Details, request.Identity);
            return new TerminateWorkflowExecutionResponse();
        }
    }
}
