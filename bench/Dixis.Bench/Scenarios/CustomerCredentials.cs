namespace Dixis.Bench.Scenarios;

/// <summary>The email and password of the customer the harness registers for the identity scenarios.</summary>
public sealed record CustomerCredentials(string Email, string Password)
{
    /// <summary>Never the password: records print their members.</summary>
    public override string ToString() => Email;
}
