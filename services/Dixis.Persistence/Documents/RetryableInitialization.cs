namespace Dixis.Persistence.Documents;

/// <summary>
/// Start-up work (schema, indexes) that runs once and is shared by every caller, but runs again after a
/// failed or canceled attempt: a database that was unreachable at start must not leave the store broken
/// for the life of the process.
/// </summary>
/// <param name="start">The work; its task is cached until it faults or is canceled.</param>
internal sealed class RetryableInitialization(Func<Task> start)
{
    private readonly Lock gate = new();
    private Task? attempt;

    /// <summary>Starts the work if no attempt succeeded or is running, and waits for it.</summary>
    /// <param name="cancellationToken">Ends this caller's wait only; the shared attempt keeps running for the others.</param>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (attempt is null || attempt.IsFaulted || attempt.IsCanceled)
            {
                attempt = start();
            }

            return attempt.WaitAsync(cancellationToken);
        }
    }
}
