namespace Dixis.Persistence.Outbox;

/// <summary>How both adapters store a dead letter, so that they agree on it.</summary>
public static class OutboxDeadLetters
{
    /// <summary>
    /// The due time of a dead letter. Parking moves the message past every claim's <c>due &lt;= now</c> rather than only
    /// adding a flag: claims range-scan the due index and never meet a dead letter however many there are, counting them
    /// is a lookup in that index, and a dispatcher of an older version (a rolling deploy) cannot claim one either.
    /// </summary>
    public static readonly DateTimeOffset NeverDue = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds());

    /// <summary>The largest page <see cref="IOutboxQueue.ListDeadLettersAsync"/> returns.</summary>
    public const int MaxListCount = 1000;
}
