namespace Dixis.Persistence.Outbox;

/// <summary>
/// Thrown by a handler when delivering the message can never succeed, whatever the number of attempts (a payload it
/// cannot read, a refusal that says so). The dispatcher parks the message as a dead letter at once instead of
/// retrying it; an operator requeues it after fixing the cause. The message is recorded with the error, so it must
/// not carry secrets.
/// </summary>
public sealed class PermanentOutboxFailureException(string message, Exception? innerException = null)
    : Exception(message, innerException);
