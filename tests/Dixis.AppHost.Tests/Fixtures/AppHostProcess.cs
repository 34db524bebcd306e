using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dixis.AppHost.Hosting;
using Dixis.AppHost.Orchestration;
using Dixis.Testing;

namespace Dixis.AppHost.Tests.Fixtures;

/// <summary>
/// The AppHost as a developer runs it: a separate process (<c>dotnet Dixis.AppHost.dll …</c>), so that a
/// test can send it signals and watch what happens to its children.
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _dataDirectory;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly HttpClient _dashboard;

    private AppHostProcess(Process process, DirectoryInfo dataDirectory, int dashboardPort)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        _dashboard = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{dashboardPort.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(5) };
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The AppHost's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Everything the AppHost printed so far.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the built AppHost on free ports and waits until its dashboard reports every resource healthy.</summary>
    public static async Task<AppHostProcess> StartAsync(bool embedded, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var repository = RepositoryLayout.Locate();
        var dashboardPort = FreePort.Next();
        var dataDirectory = Directory.CreateTempSubdirectory("dixis-apphost-process-");
        var start = new ProcessStartInfo(ExecutableLocator.FindDotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = repository.Root,
        };
        string[] arguments =
        [
            repository.AppHostAssembly(RepositoryLayout.BuildConfiguration),
            "--dashboard-port", dashboardPort.ToString(CultureInfo.InvariantCulture),
            "--free-ports",
            "--data-dir", dataDirectory.FullName,
            "--echo", "errors",
        ];
        foreach (var argument in embedded ? [.. arguments, "--embedded"] : arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The AppHost did not start.");
        var appHost = new AppHostProcess(process, dataDirectory, dashboardPort);
        try
        {
            await appHost.WaitUntilReadyAsync(timeout, cancellationToken);
            return appHost;
        }
        catch
        {
            await appHost.DisposeAsync();
            throw;
        }
    }

    /// <summary>The process ids of every running resource, from the dashboard's JSON API.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ChildProcessIdsAsync(CancellationToken cancellationToken)
    {
        using var resources = await ResourcesAsync(cancellationToken);
        return resources.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("processId").ValueKind == JsonValueKind.Number)
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("processId").GetInt32());
    }

    /// <summary>Sends a signal the way a terminal or an operator would (<c>kill -INT</c>, <c>kill -KILL</c>).</summary>
    public async Task SignalAsync(string signal, CancellationToken cancellationToken)
    {
        using var kill = Process.Start("kill", [$"-{signal}", ProcessId.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken);
    }

    /// <summary>True when the AppHost exited within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The AppHost's exit code (after it exited).</summary>
    public int ExitCode => _process.ExitCode;

    public async ValueTask DisposeAsync()
    {
        // A failed test must not leave a platform behind: kill whatever of it still runs.
        var children = new List<int>();
        if (!_process.HasExited)
        {
            try
            {
                children.AddRange((await ChildProcessIdsAsync(CancellationToken.None)).Values);
            }
            catch (HttpRequestException)
            {
                // Dashboard already gone.
            }

            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        foreach (var child in children.Where(ProcessTable.IsAlive))
        {
            try
            {
                using var orphan = Process.GetProcessById(child);
                orphan.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Gone in between.
            }
        }

        _process.Dispose();
        _dashboard.Dispose();
        _dataDirectory.Delete(recursive: true);
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited with code {_process.ExitCode} before the platform was healthy:{Environment.NewLine}{Output}");
            }

            try
            {
                using var resources = await ResourcesAsync(cancellationToken);
                if (resources.RootElement.EnumerateArray().All(r => r.GetProperty("ready").GetBoolean() || r.GetProperty("state").GetString() == "Skipped"))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Dashboard not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Dashboard slow to answer while everything starts.
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The platform was not healthy within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private async Task<JsonDocument> ResourcesAsync(CancellationToken cancellationToken)
    {
        await using var body = await _dashboard.GetStreamAsync(new Uri("/api/resources", UriKind.Relative), cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
