using System.Runtime.InteropServices;
using Dixis.Bench;
using Dixis.Bench.Cli;
using Dixis.Bench.Scenarios;

// Ctrl+C and SIGTERM cancel the run; every process the harness started is stopped on the way out.
using var stop = new CancellationTokenSource();
using var onSigInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
using var onSigTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });

BenchArguments arguments;
try
{
    arguments = BenchArguments.Parse(args, ScenarioCatalog.All);
}
catch (BenchArgumentException error)
{
    await Console.Error.WriteLineAsync($"bench: {error.Message}");
    await Console.Error.WriteLineAsync(BenchArguments.Usage);
    return 2;
}

if (arguments.ListScenarios)
{
    ScenarioCatalog.WriteList(Console.Out);
    return 0;
}

try
{
    var session = new BenchSession(arguments, Console.Out, new ProgressLog(Console.Error, TimeProvider.System), TimeProvider.System);
    return await session.RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("bench: cancelled; every started process was stopped.");
    return 130;
}
catch (BenchFailedException error)
{
    await Console.Error.WriteLineAsync($"bench: {error.Message}");
    return 1;
}
