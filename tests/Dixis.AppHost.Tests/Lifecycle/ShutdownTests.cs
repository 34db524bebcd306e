using Dixis.AppHost.Tests.Fixtures;

namespace Dixis.AppHost.Tests.Lifecycle;

/// <summary>
/// The AppHost as a separate process, stopped the two ways it is stopped in real life: Ctrl+C (SIGINT)
/// and being killed (SIGKILL). Either way no process of the platform may be left behind.
/// </summary>
public sealed class ShutdownTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Ctrl_C_stops_every_child_and_the_apphost_exits()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var appHost = await AppHostProcess.StartAsync(embedded: true, StartTimeout, cancellationToken);
        var children = await appHost.ChildProcessIdsAsync(cancellationToken);
        Assert.Equal(["auth", "catalog", "gateway", "orders", "shipping"], children.Keys.Order());

        await appHost.SignalAsync("INT", cancellationToken);

        Assert.True(await appHost.WaitForExitAsync(TimeSpan.FromSeconds(60), cancellationToken), $"The AppHost did not exit after SIGINT:{Environment.NewLine}{appHost.Output}");
        Assert.Equal(0, appHost.ExitCode);
        var alive = await ProcessTable.WaitUntilGoneAsync(children.Values, TimeSpan.FromSeconds(2), cancellationToken);
        Assert.Empty(alive);
        // Reverse dependency order: the gateway stopped before the services it calls.
        var output = appHost.Output;
        Assert.True(
            output.IndexOf("gateway stopped", StringComparison.Ordinal) < output.IndexOf("catalog stopped", StringComparison.Ordinal),
            $"Expected the gateway to stop first:{Environment.NewLine}{output}");
    }

    [Fact]
    public async Task Killing_the_apphost_takes_every_child_with_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // Not embedded: when redis-server is installed it runs too, and must die with the AppHost as well.
        await using var appHost = await AppHostProcess.StartAsync(embedded: false, StartTimeout, cancellationToken);
        var children = await appHost.ChildProcessIdsAsync(cancellationToken);
        Assert.Contains("gateway", children.Keys);

        await appHost.SignalAsync("KILL", cancellationToken);

        Assert.True(await appHost.WaitForExitAsync(TimeSpan.FromSeconds(10), cancellationToken));
        var alive = await ProcessTable.WaitUntilGoneAsync(children.Values, TimeSpan.FromSeconds(15), cancellationToken);
        Assert.True(alive.Count == 0, $"Still alive after the AppHost was killed: {string.Join(", ", children.Where(c => alive.Contains(c.Value)).Select(c => $"{c.Key} ({c.Value})"))}");
    }
}
