using System.Diagnostics;
using Dixis.AppHost.Orchestration;
using Dixis.AppHost.Tests.Fixtures;

namespace Dixis.AppHost.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class CrashRestartTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_crashed_service_is_restarted_on_the_same_endpoints_and_the_restart_is_counted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var before = fixture.Platform.Resource("shipping");
        Assert.True(before.IsReady);
        var endpointsBefore = before.Endpoints;

        using (var process = Process.GetProcessById(before.ProcessId!.Value))
        {
            process.Kill();
        }

        var after = await WaitUntilAsync(
            () => fixture.Platform.Resource("shipping"),
            s => s.IsReady && s.Restarts == before.Restarts + 1 && s.ProcessId != before.ProcessId,
            TimeSpan.FromSeconds(60),
            cancellationToken);

        Assert.Equal(endpointsBefore, after.Endpoints);
        Assert.Equal(137, after.LastExitCode);
        Assert.False(ProcessTable.IsAlive(before.ProcessId.Value));
        Assert.Equal(ResourceState.Running, after.State);
    }

    private static async Task<ResourceSnapshot> WaitUntilAsync(Func<ResourceSnapshot> read, Func<ResourceSnapshot, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var snapshot = read();
            if (condition(snapshot))
            {
                return snapshot;
            }

            Assert.True(clock.Elapsed < timeout, $"Not restarted within {timeout.TotalSeconds:0} s: {snapshot}");
            await Task.Delay(200, cancellationToken);
        }
    }
}
