using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dixis.Services.Tests.ServiceDefaults;

/// <summary>A service stops by itself when the AppHost that started it is gone (DIXIS_APPHOST_PID).</summary>
public sealed class AppHostProcessWatcherTests
{
    [Fact]
    public async Task Host_stops_soon_after_the_watched_process_exits()
    {
        using var appHost = Process.Start(new ProcessStartInfo("sleep", "2") { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start 'sleep'.");
        using var host = BuildHost(appHost.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = WhenCancelled(lifetime.ApplicationStopping);

        await host.StartAsync(TestContext.Current.CancellationToken);

        // While the watched process runs, the host keeps running.
        await Task.Delay(TimeSpan.FromMilliseconds(800), TestContext.Current.CancellationToken);
        Assert.False(stopping.IsCompleted, "The host stopped although the watched process still runs.");

        await appHost.WaitForExitAsync(TestContext.Current.CancellationToken);
        var exitedAt = Stopwatch.GetTimestamp();
        await stopping.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.True(Stopwatch.GetElapsedTime(exitedAt) < TimeSpan.FromSeconds(1.5), "The host took too long to notice the AppHost was gone.");
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Host_without_an_apphost_keeps_running()
    {
        using var host = BuildHost(appHostProcessId: null);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();

        await host.StartAsync(TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);

        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("not-a-pid")]
    [InlineData("-5")]
    [InlineData("0")]
    public async Task Invalid_apphost_pid_fails_start_with_a_precise_error(string value)
    {
        // Host construction already resolves the shutdown timeout from the same options, so the
        // error surfaces while building or starting; either way the service never runs.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            using var host = BuildHost(value);
            await host.StartAsync(TestContext.Current.CancellationToken);
        });

        Assert.Contains("DIXIS_APPHOST_PID", error.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(string? appHostProcessId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DIXIS_APPHOST_PID"] = appHostProcessId,
            ["Lifetime:AppHostPollInterval"] = "00:00:00.100",
        });
        builder.AddServiceDefaults();
        return builder.Build();
    }

    private static Task WhenCancelled(CancellationToken token)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => completion.TrySetResult());
        return completion.Task;
    }
}
