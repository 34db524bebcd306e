using Dixis.Outbox.Cli;

// Ctrl+C cancels the running command through System.CommandLine's cancellation token.
return await OutboxCommandLine.RunAsync(args, Console.Out, Console.Error, TimeProvider.System, CancellationToken.None);
