namespace Dixis.Persistence.Idempotency;

/// <summary>What <see cref="IIdempotencyStore.TryBeginAsync"/> found for a key.</summary>
public enum IdempotencyStatus
{
    /// <summary>New (or expired, or abandoned by a crashed attempt): the caller does the work, then completes the key.</summary>
    Started,

    /// <summary>Done before with the same request: return the stored response, do nothing.</summary>
    Completed,

    /// <summary>Another attempt with the same request is running now: ask the client to retry later.</summary>
    InProgress,

    /// <summary>The key was used for a different request: refuse.</summary>
    Conflict,
}
