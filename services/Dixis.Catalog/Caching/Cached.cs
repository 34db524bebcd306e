using System.ComponentModel;
using Google.Protobuf;

namespace Dixis.Catalog.Caching;

/// <summary>
/// A cached contract message, with the point in this process's invalidation sequence at which it was read from the
/// store (<see cref="CatalogCache"/> refuses a value read before an invalidation of it). A "not found" is never cached:
/// lookups answer it with <see cref="Missing"/>.
/// Marked immutable so HybridCache hands out the same instance from memory instead of deserializing a defensive
/// copy on every hit: holders must never change <see cref="Message"/> (clone it first).
/// </summary>
[ImmutableObject(true)]
public sealed class Cached<TMessage>(TMessage? message, long readSequence)
    where TMessage : class, IMessage<TMessage>
{
    /// <summary>What a lookup of an entry the store does not hold answers.</summary>
    public static Cached<TMessage> Missing { get; } = new(null, 0);

    public TMessage? Message { get; } = message;

    /// <summary>The invalidation sequence when the store was read; 0 when it came from another process (Redis).</summary>
    public long ReadSequence { get; } = readSequence;
}
