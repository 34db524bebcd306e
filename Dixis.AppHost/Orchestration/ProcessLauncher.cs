using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Dixis.AppHost.Model;

namespace Dixis.AppHost.Orchestration;

/// <summary>
/// Starts every child process so that it cannot outlive the AppHost, even when the AppHost is killed with SIGKILL.
/// </summary>
/// <remarks>
/// Where util-linux is installed, each child is started as <c>setpriv --pdeathsig SIGTERM -- setsid -- exe …</c>:
/// the kernel sends the child SIGTERM when its parent dies (PR_SET_PDEATHSIG), and its own session keeps a
/// terminal's Ctrl+C from reaching it directly, so the AppHost stops children in reverse dependency order.
/// PR_SET_PDEATHSIG fires when the <em>thread</em> that forked exits, not the process, so every child is
/// forked from this one dedicated thread, which lives as long as the launcher. .NET services also watch
/// <c>DIXIS_APPHOST_PID</c>, which covers systems without setpriv.
/// </remarks>
internal sealed class ProcessLauncher : IDisposable
{
    // Variables of the AppHost's own environment that would fight the Kestrel endpoints the AppHost sets.
    private static readonly string[] ConflictingVariables =
        ["ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "HTTP_PORTS", "HTTPS_PORTS"];

    private readonly BlockingCollection<LaunchRequest> _requests = [];
    private readonly Thread _thread;
    private readonly string? _setpriv = ExecutableLocator.Find("setpriv");
    private readonly string? _setsid = ExecutableLocator.Find("setsid");

    public ProcessLauncher()
    {
        _thread = new Thread(ForkRequestedProcesses) { IsBackground = true, Name = "Dixis.AppHost child launcher" };
        _thread.Start();
    }

    /// <summary>Whether children die with the AppHost by the kernel's parent-death signal.</summary>
    public bool UsesParentDeathSignal => _setpriv is not null;

    /// <summary>Starts the process on the launcher thread, with stdout and stderr redirected.</summary>
    public Task<Process> StartAsync(LaunchSpec spec, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = new LaunchRequest(CreateStartInfo(spec, environment));
        _requests.Add(request, cancellationToken);
        return request.Completion.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _requests.CompleteAdding();
        _thread.Join();
        _requests.Dispose();
    }

    private ProcessStartInfo CreateStartInfo(LaunchSpec spec, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };

        if (_setpriv is not null)
        {
            info.FileName = _setpriv;
            info.ArgumentList.Add("--pdeathsig");
            info.ArgumentList.Add("SIGTERM");
            info.ArgumentList.Add("--");
            if (_setsid is not null)
            {
                info.ArgumentList.Add(_setsid);
                info.ArgumentList.Add("--");
            }

            info.ArgumentList.Add(spec.FileName);
        }
        else
        {
            info.FileName = spec.FileName;
        }

        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var variable in ConflictingVariables)
        {
            info.Environment.Remove(variable);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    private void ForkRequestedProcesses()
    {
        foreach (var request in _requests.GetConsumingEnumerable())
        {
            try
            {
                var process = Process.Start(request.StartInfo)
                    ?? throw new InvalidOperationException($"'{request.StartInfo.FileName}' did not start.");
                request.Completion.SetResult(process);
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
            {
                request.Completion.SetException(e);
            }
        }
    }

    private sealed record LaunchRequest(ProcessStartInfo StartInfo)
    {
        public TaskCompletionSource<Process> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
