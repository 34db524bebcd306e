namespace Dixis.Auth.Model;

/// <summary>What a single-use token proves.</summary>
public enum OneTimeTokenPurpose
{
    /// <summary>Possession of the mailbox: confirms the email address.</summary>
    EmailVerification,

    /// <summary>Possession of the mailbox: sets a new password.</summary>
    PasswordReset,
}
