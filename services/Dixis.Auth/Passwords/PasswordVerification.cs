namespace Dixis.Auth.Passwords;

/// <summary>The outcome of checking a password: whether it matched, and whether its hash should be remade with the current parameters.</summary>
public sealed record PasswordVerification(bool Matches, bool NeedsRehash);
