namespace Dixis.Persistence.Outbox;

/// <summary>How the outbox dispatcher polls, leases, backs off and gives up (section <c>Persistence:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>Whether this process runs the dispatcher.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often to look for due messages when none were just enqueued.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a claimed message is reserved for one dispatcher before another may take it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages claimed per round.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>The delay after the first failure; it doubles after each further failure.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long delivered messages are kept (for diagnosis) before maintenance deletes them.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Deliveries tried before a message that keeps failing transiently becomes a dead letter. The default, with the
    /// default back-off, keeps trying for about 3.5 hours: long enough to ride out an outage of the service called,
    /// short enough that an operator hears of a message that will never go through the same day.
    /// </summary>
    public int MaxAttempts { get; set; } = 50;
}
