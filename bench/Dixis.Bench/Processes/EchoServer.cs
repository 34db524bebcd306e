using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Dixis.Bench.Load;
using Dixis.Bench.Scenarios;

namespace Dixis.Bench.Processes;

/// <summary>The trivial gRPC echo server (bench/Dixis.Bench.Echo), running in its own process on a free loopback port.</summary>
public sealed class EchoServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeLimit = TimeSpan.FromSeconds(30);
    private readonly Process process;

    private EchoServer(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public MeasuredProcess Measured => new("echo", process.Id);

    /// <summary>Starts the Release build next to this harness and returns once an Echo call succeeds.</summary>
    public static async Task<EchoServer> StartAsync(GrpcStatusProbe probe, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var assembly = typeof(EchoServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "EchoServerAssembly").Value!;
        if (!File.Exists(assembly))
        {
            throw new BenchFailedException($"the echo server is not built at {assembly}; run bench/run, which builds it.");
        }

        var port = FreePort.Next();
        var endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assembly },
            WorkingDirectory = Path.GetDirectoryName(assembly),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Kestrel__Endpoints__grpc__Url"] = endpoint.GetLeftPart(UriPartial.Authority),
                ["Kestrel__Endpoints__grpc__Protocols"] = "Http2",
                ["DIXIS_BENCH_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            },
        };

        var process = Process.Start(startInfo) ?? throw new BenchFailedException("could not start the echo server.");
        var console = new ConsoleTail(capacity: 40);
        console.Attach(process);
        var server = new EchoServer(process, endpoint);
        try
        {
            await server.WaitUntilAnsweringAsync(probe, console, timeProvider, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilAnsweringAsync(GrpcStatusProbe probe, ConsoleTail console, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + StartTimeLimit;
        var url = new Uri(Endpoint, ScenarioCatalog.Echo.Path);
        string? lastFailure = null;
        while (timeProvider.GetUtcNow() < deadline)
        {
            if (process.HasExited)
            {
                throw new BenchFailedException($"the echo server exited with {process.ExitCode} while starting:\n{console}");
            }

            lastFailure = await probe.CallAsync(ScenarioCatalog.Echo, url, cancellationToken);
            if (lastFailure is null)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeProvider, cancellationToken);
        }

        throw new BenchFailedException($"the echo server did not answer within {StartTimeLimit.TotalSeconds:0} s ({lastFailure}):\n{console}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing left to stop.
        }
        finally
        {
            process.Dispose();
        }
    }
}
