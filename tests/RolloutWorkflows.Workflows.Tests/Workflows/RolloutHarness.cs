namespace RolloutWorkflows.Workflows.Tests.Workflows;

using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Rollout;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Worker;

/// <summary>One rollout under test: its own task queue, workflow id and worker over the given activities.</summary>
public sealed class RolloutHarness
{
    private readonly TemporalClient client;
    private readonly IReadOnlyList<object> activities;

    public RolloutHarness(TemporalClient client, IReadOnlyList<object> activities, string name)
    {
        this.client = client;
        this.activities = activities;
        Name = name;
        TaskQueue = $"rollouts-{name}-{Guid.NewGuid():N}";
    }

    public string Name { get; }

    public string TaskQueue { get; }

    public string WorkflowId => RolloutIds.WorkflowId("default", Name);

    public WorkflowHandle<RolloutWorkflow> Handle => client.GetWorkflowHandle<RolloutWorkflow>(WorkflowId);

    /// <summary>Runs <paramref name="body"/> while a worker for this rollout polls.</summary>
    public async Task RunAsync(Func<Task> body)
    {
        var options = new TemporalWorkerOptions(TaskQueue).AddWorkflow<RolloutWorkflow>();
        foreach (var instance in activities)
        {
            options.AddAllActivities(instance.GetType(), instance);
        }

        using var worker = new TemporalWorker(client, options);
        await worker.ExecuteAsync(body);
    }

    /// <summary>What CI does: signal-with-start the rollout's workflow with a Deploy.</summary>
    public async Task DeployAsync(RolloutRevision revision)
    {
        var options = new WorkflowOptions(WorkflowId, TaskQueue)
        {
            StaticSummary = revision.Spec.Describe(),
            TypedSearchAttributes = RolloutWorkflow.StartAttributes("default", Name),
        };
        options.SignalWithStart((RolloutWorkflow wf) => wf.DeployAsync(revision));
        await client.StartWorkflowAsync((RolloutWorkflow wf) => wf.RunAsync(new RolloutWorkflowInput("default", Name)), options);
    }

    public Task<RolloutStatus> StatusAsync() => Handle.QueryAsync(wf => wf.Status);

    /// <summary>Polls the Status query until <paramref name="condition"/> holds (no sleeps, no timing assertions).</summary>
    public async Task<RolloutStatus> WaitForAsync(Func<RolloutStatus, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        RolloutStatus status;
        do
        {
            status = await StatusAsync();
            if (condition(status))
            {
                return status;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException(
            $"timed out waiting for {what}; status: {status.Phase} '{status.Message}', events:\n{string.Join('\n', status.Events.Select(e => e.Text))}");
    }

    /// <summary>
    /// Replays every run of this rollout (following continue-as-new back to the first run) with the current
    /// workflow code, so each scenario also proves determinism. With <c>ROLLOUT_RECORD_HISTORIES=&lt;dir&gt;</c>
    /// the histories are written there as <c>&lt;scenario&gt;-&lt;n&gt;.json</c> for Replay/Histories.
    /// </summary>
    public async Task ReplayAllRunsAsync(string scenario)
    {
        var histories = new List<WorkflowHistory>();
        var runId = (await client.GetWorkflowHandle(WorkflowId).DescribeAsync()).RunId;
        while (!string.IsNullOrEmpty(runId))
        {
            var history = await client.GetWorkflowHandle(WorkflowId, runId).FetchHistoryAsync();
            histories.Insert(0, history);
            runId = history.Events.First().WorkflowExecutionStartedEventAttributes.ContinuedExecutionRunId;
        }

        var replayer = new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<RolloutWorkflow>());
        var directory = Environment.GetEnvironmentVariable("ROLLOUT_RECORD_HISTORIES");
        for (var i = 0; i < histories.Count; i++)
        {
            await replayer.ReplayWorkflowAsync(histories[i]);
            if (!string.IsNullOrEmpty(directory))
            {
                await File.WriteAllTextAsync(Path.Combine(directory, $"{scenario}-{i + 1}.json"), histories[i].ToJson());
            }
        }
    }

    public Task<RolloutStatus> WaitForHealthyAsync(long revision) =>
        WaitForAsync(s => s.Phase == "Healthy" && s.StableRevision == revision, $"revision {revision} Healthy");
}
