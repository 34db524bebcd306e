namespace Dixis.Services.Tests.Infrastructure;

/// <summary>
/// Reads until a condition holds or ten seconds pass: for effects a service applies in the background
/// (search index, sweeper, counts), a test waits for them bounded instead of sleeping a fixed time.
/// </summary>
public static class Eventually
{
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (true)
        {
            var value = await read();
            if (done(value) || TimeProvider.System.GetUtcNow() > deadline)
            {
                return value;
            }

            await Task.Delay(50, cancellation);
        }
    }
}
