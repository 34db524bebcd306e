using System.ComponentModel;
using Google.Protobuf;

namespace Dixis.Catalog.Caching;

/// <summary>
/// A cached contract message, or a cached "not found". Marked immutable so HybridCache hands out the same
/// instance from memory instead of deserializing a defensive copy on every hit: holders must never change
/// <see cref="Message"/> (clone it first).
/// </summary>
[ImmutableObject(true)]
public sealed class Cached<TMessage>(TMessage? message)
    where TMessage : class, IMessage<TMessage>
{
    public TMessage? Message { get; } = message;
}
