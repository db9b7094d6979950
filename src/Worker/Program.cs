using RolloutWorkflows.Worker.Cli;

return await RolloutsCli.RunAsync(args).ConfigureAwait(false);
