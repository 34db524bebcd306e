using Dixis.Auth.Model;

namespace Dixis.Auth.Notifications;

/// <summary>
/// An email to send (outbox message <see cref="EmailNotificationCodec.MessageType"/>): the single-use token travels
/// only here, encrypted in the outbox payload, never in the store's token records nor in logs.
/// </summary>
/// <param name="Purpose">What the email is for.</param>
/// <param name="UserId">The recipient's account.</param>
/// <param name="Email">The recipient's address.</param>
/// <param name="LanguageCode">The language to write in.</param>
/// <param name="Token">The single-use token the email carries.</param>
/// <param name="ExpireTimeMs">When the token expires.</param>
public sealed record EmailNotification(OneTimeTokenPurpose Purpose, string UserId, string Email, string LanguageCode, string Token, long ExpireTimeMs);
