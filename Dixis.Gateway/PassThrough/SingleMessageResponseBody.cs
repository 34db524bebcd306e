using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Dixis.Gateway.PassThrough;

/// <summary>
/// The response body of a call that answers with one message (unary, client streaming), as the forwarder writes it.
/// The forwarder copies the service's body chunk by chunk and Kestrel would send each chunk as soon as it is written;
/// this body only adds the bytes to the response and sends nothing until the call completes, so the response headers,
/// the message and the trailers leave in one write, as Grpc.AspNetCore sends a unary answer. Streaming answers do not
/// use it: there every message must reach the caller when it arrives.
/// </summary>
internal sealed class SingleMessageResponseBody(IHttpResponseBodyFeature inner) : Stream, IHttpResponseBodyFeature
{
    Stream IHttpResponseBodyFeature.Stream => this;

    public PipeWriter Writer => inner.Writer;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Ignored: holding the body back until completion is the point.</summary>
    public void DisableBuffering()
    {
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        inner.SendFileAsync(path, offset, count, cancellationToken);

    public Task CompleteAsync() => inner.CompleteAsync();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        inner.Writer.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        inner.Writer.Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Write(byte[] buffer, int offset, int count) => inner.Writer.Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Writer.Write(buffer);

    /// <summary>No-op: completing the response flushes it.</summary>
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
