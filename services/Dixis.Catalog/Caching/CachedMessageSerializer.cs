using System.Buffers;
using Google.Protobuf;
using Microsoft.Extensions.Caching.Hybrid;

namespace Dixis.Catalog.Caching;

/// <summary>
/// Protobuf bytes for the distributed (Redis) tier: a presence byte, then the message. A value read back from
/// Redis may come from another process, whose invalidation sequence means nothing here, so it carries sequence 0.
/// Misses are no longer cached, but a presence byte of 0 is still read: older versions wrote cached misses, and
/// <see cref="CatalogCache"/> loads such an entry again rather than serving it.
/// </summary>
internal sealed class CachedMessageSerializer<TMessage> : IHybridCacheSerializer<Cached<TMessage>>
    where TMessage : class, IMessage<TMessage>, new()
{
    private static readonly MessageParser<TMessage> Parser = new(() => new TMessage());

    public Cached<TMessage> Deserialize(ReadOnlySequence<byte> source)
    {
        if (source.IsEmpty || source.FirstSpan[0] == 0)
        {
            return new Cached<TMessage>(null, 0);
        }

        return new Cached<TMessage>(Parser.ParseFrom(source.Slice(1)), 0);
    }

    public void Serialize(Cached<TMessage> value, IBufferWriter<byte> target)
    {
        if (value.Message is null)
        {
            target.Write([(byte)0]);
            return;
        }

        target.Write([(byte)1]);
        value.Message.WriteTo(target);
    }
}
