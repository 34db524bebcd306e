using Dixis.Persistence.Idempotency;
using Dixis.Persistence.Outbox;

namespace Dixis.Persistence;

/// <summary>Configuration of the document store (section <c>Persistence</c>), validated at start.</summary>
public sealed class PersistenceOptions
{
    public const string SectionName = "Persistence";

    /// <summary>
    /// Where SQLite files live, one <c>&lt;service&gt;.db</c> each. Default: <c>&lt;ContentRootPath&gt;/.data</c>;
    /// a relative path is taken relative to the content root.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// The MongoDB database when <c>ConnectionStrings:mongo</c> is set. Unset or empty: the service's name, so services
    /// sharing one server keep apart; tests and side-by-side deployments name their own.
    /// </summary>
    public string? MongoDatabase { get; set; }

    /// <summary>The largest page a query may ask for.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>How long a write waits for SQLite's single write lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often maintenance deletes delivered outbox messages and expired idempotency records.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromMinutes(10);

    public OutboxOptions Outbox { get; set; } = new();

    public IdempotencyOptions Idempotency { get; set; } = new();
}
