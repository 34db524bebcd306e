using System.Diagnostics;

namespace Dixis.AppHost.Tests.Fixtures;

/// <summary>Waits for what the platform does on its own time (outboxes, restarts): reads until a condition holds or fails the test.</summary>
public static class Polling
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(clock.Elapsed < timeout, $"Not reached within {timeout.TotalSeconds:0} s; last: {value}");
            await Task.Delay(200, cancellationToken);
        }
    }
}
