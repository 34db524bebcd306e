using System.Text.Json;
using Dixis.Auth.Model;
using Microsoft.AspNetCore.DataProtection;

namespace Dixis.Auth.Notifications;

/// <summary>
/// The outbox payload of an <see cref="EmailNotification"/>: JSON encrypted with Data Protection (purpose
/// <c>Dixis.Auth.Notifications.v1</c>), so the tokens waiting in a copied database cannot be used.
/// </summary>
public sealed class EmailNotificationCodec(IDataProtectionProvider dataProtection)
{
    /// <summary>The outbox message type.</summary>
    public const string MessageType = "auth.notification.email";

    private readonly IDataProtector protector = dataProtection.CreateProtector("Dixis.Auth.Notifications.v1");

    public byte[] Encode(EmailNotification notification) =>
        protector.Protect(JsonSerializer.SerializeToUtf8Bytes(notification, AuthJsonContext.Default.EmailNotification));

    public EmailNotification Decode(byte[] payload) =>
        JsonSerializer.Deserialize(protector.Unprotect(payload), AuthJsonContext.Default.EmailNotification)
            ?? throw new InvalidOperationException("The email notification payload is empty.");
}
