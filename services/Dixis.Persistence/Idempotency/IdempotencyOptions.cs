namespace Dixis.Persistence.Idempotency;

/// <summary>How long idempotency records live (section <c>Persistence:Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    /// <summary>How long a key is remembered after it was begun; after that it may be reused.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long an unfinished attempt blocks retries before a retry may take it over (the attempt crashed).</summary>
    public TimeSpan InProgressTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
