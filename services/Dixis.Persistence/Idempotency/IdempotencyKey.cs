namespace Dixis.Persistence.Idempotency;

/// <summary>The limits every adapter enforces on idempotency keys and fingerprints.</summary>
internal static class IdempotencyKey
{
    public const int MaxKeyLength = 256;
    public const int MaxFingerprintLength = 512;

    public static void Validate(string key) => Check(key, MaxKeyLength, "Idempotency key", nameof(key));

    public static void ValidateFingerprint(string fingerprint) =>
        Check(fingerprint, MaxFingerprintLength, "Request fingerprint", "requestFingerprint");

    private static void Check(string value, int max, string what, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            throw new ArgumentException($"{what} must be 1 to {max} characters.", parameterName);
        }
    }
}
