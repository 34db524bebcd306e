using Dixis.Persistence.Transactions;

namespace Dixis.Persistence.Outbox;

/// <summary>
/// The durable outbox. Enqueue through <c>outbox.In(transaction)</c> so the message commits if and only if
/// the document changes commit; the <see cref="OutboxDispatcher"/> then delivers it at least once.
/// </summary>
public interface IOutbox
{
    /// <summary>Stores the message for delivery; returns its id.</summary>
    /// <exception cref="ArgumentException">Empty type, type over 200 characters, or payload over 1 MiB.</exception>
    Task<string> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>A view whose enqueues join <paramref name="transaction"/>.</summary>
    IOutbox In(ITransaction transaction);
}
