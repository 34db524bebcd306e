using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Dixis.Testing;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, without persistence, for the lifetime of a
/// test class or collection. When redis-server is not installed, tests that need it are skipped
/// with that reason (call <see cref="SkipIfUnavailable"/>), never silently passed.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private Process? _server;

    /// <summary>Port the server listens on (0 when unavailable).</summary>
    public int Port { get; private set; }

    /// <summary>StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6390</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Why the server is not available, or null when it runs.</summary>
    public string? UnavailableReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var executable = FindOnPath("redis-server");
        if (executable is null)
        {
            UnavailableReason = "redis-server is not installed (apt-get install redis-server); tests that need a real Redis are skipped.";
            return;
        }

        Port = FreePort.Next();
        await StartServerAsync(executable);
    }

    /// <summary>Stops the server (as a crash would), for tests of what happens while Redis is down.</summary>
    public async Task StopAsync()
    {
        if (_server is { HasExited: false } server)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>Starts the server again on the same port, empty, after <see cref="StopAsync"/>.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        _server?.Dispose();
        await StartServerAsync(FindOnPath("redis-server") ?? throw new InvalidOperationException(UnavailableReason));
    }

    private async Task StartServerAsync(string executable)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        await WaitForPingAsync();
    }

    /// <summary>Skips the calling test when no redis-server could be started.</summary>
    public void SkipIfUnavailable()
    {
        if (UnavailableReason is not null)
        {
            Assert.Skip(UnavailableReason);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }

            server.Dispose();
        }
    }

    private async Task WaitForPingAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_server.ExitCode} before answering PING on port {Port}.");
            }

            try
            {
                if (await PingAsync(timeout.Token))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                break;
            }

            await Task.Delay(50, CancellationToken.None);
            if (timeout.IsCancellationRequested)
            {
                break;
            }
        }

        throw new TimeoutException($"redis-server did not answer PING on port {Port} within {StartTimeout.TotalSeconds} s.");
    }

    private async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }
}
