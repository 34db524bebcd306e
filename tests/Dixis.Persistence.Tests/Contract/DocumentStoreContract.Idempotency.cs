using Dixis.Persistence.Idempotency;

namespace Dixis.Persistence.Tests.Contract;

public abstract partial class DocumentStoreContract
{
    [Fact]
    public async Task Same_key_and_request_returns_the_stored_response_and_another_request_conflicts()
    {
        var store = await OpenAsync();
        var records = store.Idempotency;

        var first = await records.TryBeginAsync("user-1:key-1", "hash-A", Cancel);
        var whileRunning = await records.TryBeginAsync("user-1:key-1", "hash-A", Cancel);
        await records.CompleteAsync("user-1:key-1", [42, 43], Cancel);
        var retry = await records.TryBeginAsync("user-1:key-1", "hash-A", Cancel);
        var misuse = await records.TryBeginAsync("user-1:key-1", "hash-B", Cancel);

        Assert.Equal(IdempotencyStatus.Started, first.Status);
        Assert.Equal(IdempotencyStatus.InProgress, whileRunning.Status);
        Assert.Equal(IdempotencyStatus.Completed, retry.Status);
        Assert.Equal([42, 43], retry.Response);
        Assert.Equal(IdempotencyStatus.Conflict, misuse.Status);
    }

    [Fact]
    public async Task A_stalled_attempt_is_taken_over_and_an_expired_key_can_be_reused()
    {
        var store = await OpenAsync();
        var records = store.Idempotency;
        await records.TryBeginAsync("k-stalled", "hash-A", Cancel);
        await records.TryBeginAsync("k-done", "hash-A", Cancel);
        await records.CompleteAsync("k-done", [1], Cancel);

        Time.Advance(Settings.Idempotency.InProgressTimeout);
        Assert.Equal(IdempotencyStatus.Conflict, (await records.TryBeginAsync("k-stalled", "hash-B", Cancel)).Status);
        Assert.Equal(IdempotencyStatus.Started, (await records.TryBeginAsync("k-stalled", "hash-A", Cancel)).Status);
        Assert.Equal(IdempotencyStatus.Completed, (await records.TryBeginAsync("k-done", "hash-A", Cancel)).Status);

        Time.Advance(Settings.Idempotency.Retention);
        Assert.Equal(IdempotencyStatus.Started, (await records.TryBeginAsync("k-done", "hash-B", Cancel)).Status);
    }

    [Fact]
    public async Task An_abandoned_key_starts_afresh_and_completing_an_unknown_key_fails()
    {
        var store = await OpenAsync();
        var records = store.Idempotency;
        await records.TryBeginAsync("k1", "hash-A", Cancel);

        await records.AbandonAsync("k1", Cancel);
        var again = await records.TryBeginAsync("k1", "hash-B", Cancel);
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => records.CompleteAsync("never-begun", [1], Cancel));

        Assert.Equal(IdempotencyStatus.Started, again.Status);
        Assert.Contains("'never-begun' is not in progress", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_keys_and_fingerprints_are_refused()
    {
        var store = await OpenAsync();

        var emptyKey = await Assert.ThrowsAsync<ArgumentException>(() => store.Idempotency.TryBeginAsync("", "hash", Cancel));
        var longKey = await Assert.ThrowsAsync<ArgumentException>(() => store.Idempotency.TryBeginAsync(new string('k', 257), "hash", Cancel));
        var noFingerprint = await Assert.ThrowsAsync<ArgumentException>(() => store.Idempotency.TryBeginAsync("k", " ", Cancel));

        Assert.Equal("key", emptyKey.ParamName);
        Assert.Equal("key", longKey.ParamName);
        Assert.Equal("requestFingerprint", noFingerprint.ParamName);
    }
}
