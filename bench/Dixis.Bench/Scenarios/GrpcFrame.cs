using System.Buffers.Binary;
using Google.Protobuf;

namespace Dixis.Bench.Scenarios;

/// <summary>The gRPC length-prefixed message: 1 byte compression flag (0), 4-byte big-endian length, protobuf bytes.</summary>
public static class GrpcFrame
{
    public const int HeaderLength = 5;

    public static byte[] Of(IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[HeaderLength + payload.Length];
        frame[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(HeaderLength));
        return frame;
    }
}
