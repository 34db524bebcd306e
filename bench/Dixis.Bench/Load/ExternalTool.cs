using System.Diagnostics;

namespace Dixis.Bench.Load;

/// <summary>Runs a load tool to completion, and kills it (with its children) when the run is cancelled or overruns.</summary>
public static class ExternalTool
{
    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    public static async Task<ToolOutput> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new BenchFailedException($"could not start {fileName}.");
        using var overrun = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        overrun.CancelAfter(timeLimit);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(overrun.Token);
            var stderr = process.StandardError.ReadToEndAsync(overrun.Token);
            await process.WaitForExitAsync(overrun.Token);
            return new ToolOutput(process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new BenchFailedException($"{Path.GetFileName(fileName)} ran past its time limit of {timeLimit.TotalSeconds:0} s and was stopped.");
        }
    }
}
