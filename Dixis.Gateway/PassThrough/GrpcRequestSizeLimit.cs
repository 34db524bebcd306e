using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace Dixis.Gateway.PassThrough;

/// <summary>
/// Applies <c>Grpc:MaxReceiveMessageSize</c> to a request the pass-through forwards without decoding it, by reading
/// the 5-byte prefix of each gRPC message (a compressed flag and the message length, big-endian). A message over
/// the limit gets RESOURCE_EXHAUSTED, as Grpc.AspNetCore answers; its bytes never reach the service.
/// </summary>
public static class GrpcRequestSizeLimit
{
    /// <summary>The length prefix of a gRPC message: a compressed flag byte and a 4-byte length.</summary>
    public const int PrefixLength = 5;

    /// <summary>The status message Grpc.AspNetCore gives the same failure.</summary>
    public const string ExceededMessage = "Received message exceeds the maximum configured message size.";

    /// <summary>
    /// For a call with one request message: looks at its prefix without consuming it, so the forwarder still reads
    /// the whole body. False when the message is over the limit; true when it fits, or when the body ends before
    /// a prefix (the service answers that malformed call itself).
    /// </summary>
    public static async ValueTask<bool> FirstMessageFitsAsync(PipeReader body, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var read = await body.ReadAtLeastAsync(PrefixLength, cancellationToken).ConfigureAwait(false);
        var buffer = read.Buffer;
        var fits = buffer.Length < PrefixLength || MessageLength(buffer.Slice(0, PrefixLength)) <= limit;
        body.AdvanceTo(buffer.Start);
        return fits;
    }

    private static uint MessageLength(ReadOnlySequence<byte> prefix)
    {
        Span<byte> bytes = stackalloc byte[PrefixLength];
        prefix.CopyTo(bytes);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes[1..]);
    }

    /// <summary>
    /// For a client stream: the request body as it passes to the forwarder, with every message's prefix checked.
    /// Reading the prefix of a message over the limit fails with <see cref="MessageTooLargeException"/> and sets
    /// <see cref="Guard.Exceeded"/>, so the forwarder stops before any of its bytes are sent.
    /// </summary>
    public sealed class Guard(Stream inner, int limit) : Stream
    {
        private readonly byte[] prefix = new byte[PrefixLength];
        private int prefixFilled;
        private long payloadRemaining;

        /// <summary>Whether a message over the limit was seen.</summary>
        public bool Exceeded { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Inspect(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Inspect(buffer.AsSpan(offset, read));
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private void Inspect(ReadOnlySpan<byte> bytes)
        {
            while (!bytes.IsEmpty)
            {
                if (payloadRemaining > 0)
                {
                    var skipped = (int)Math.Min(payloadRemaining, bytes.Length);
                    payloadRemaining -= skipped;
                    bytes = bytes[skipped..];
                    continue;
                }

                var copied = Math.Min(PrefixLength - prefixFilled, bytes.Length);
                bytes[..copied].CopyTo(prefix.AsSpan(prefixFilled));
                prefixFilled += copied;
                bytes = bytes[copied..];
                if (prefixFilled < PrefixLength)
                {
                    continue;
                }

                prefixFilled = 0;
                payloadRemaining = BinaryPrimitives.ReadUInt32BigEndian(prefix.AsSpan(1));
                if (payloadRemaining > limit)
                {
                    Exceeded = true;
                    throw new MessageTooLargeException();
                }
            }
        }
    }

    /// <summary>A request message over <c>Grpc:MaxReceiveMessageSize</c>.</summary>
    public sealed class MessageTooLargeException() : IOException(ExceededMessage);
}
