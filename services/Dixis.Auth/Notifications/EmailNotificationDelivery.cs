using Dixis.Persistence.Outbox;

namespace Dixis.Auth.Notifications;

/// <summary>
/// Delivers email notifications. There is no mail server yet: delivery is recorded as a log line naming the purpose
/// and the account, never the token or the address. A mail transport replaces the log line here.
/// </summary>
public sealed partial class EmailNotificationDelivery(EmailNotificationCodec codec, ILogger<EmailNotificationDelivery> logger) : IOutboxHandler
{
    public string MessageType => EmailNotificationCodec.MessageType;

    public Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var notification = codec.Decode(message.Payload);
        LogDelivered(logger, notification.Purpose.ToString(), notification.UserId, message.Id);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Email {Purpose} for user {UserId} delivered (outbox message {MessageId})")]
    private static partial void LogDelivered(ILogger logger, string purpose, string userId, string messageId);
}
