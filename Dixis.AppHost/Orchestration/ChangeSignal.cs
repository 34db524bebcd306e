namespace Dixis.AppHost.Orchestration;

/// <summary>
/// Wakes everyone waiting for "something changed" (a state, a health verdict). Take <see cref="Next"/>
/// before reading the state you wait on, so that no change can slip in between.
/// </summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Wakes the current waiters; later waiters wait for the next change.</summary>
    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
