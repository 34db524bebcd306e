using System.ComponentModel;
using Google.Protobuf;

namespace Dixis.Catalog.Caching;

/// <summary>
/// A cached contract message, or a cached "not found", with the point in this process's invalidation sequence at
/// which it was read from the store (<see cref="CatalogCache"/> refuses a value read before an invalidation of it).
/// Marked immutable so HybridCache hands out the same instance from memory instead of deserializing a defensive
/// copy on every hit: holders must never change <see cref="Message"/> (clone it first).
/// </summary>
[ImmutableObject(true)]
public sealed class Cached<TMessage>(TMessage? message, long readSequence)
    where TMessage : class, IMessage<TMessage>
{
    public TMessage? Message { get; } = message;

    /// <summary>The invalidation sequence when the store was read; 0 when it came from another process (Redis).</summary>
    public long ReadSequence { get; } = readSequence;
}
