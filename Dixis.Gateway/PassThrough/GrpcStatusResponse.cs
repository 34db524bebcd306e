using System.Globalization;
using System.Text;
using Grpc.Core;

namespace Dixis.Gateway.PassThrough;

/// <summary>The gateway's own answer to a native gRPC call it did not forward or whose forwarding failed.</summary>
internal static class GrpcStatusResponse
{
    /// <summary>
    /// Answers as a gRPC server does when a call fails before any message: a "trailers-only" response, HTTP 200
    /// whose only headers are the status (one HEADERS frame that ends the stream).
    /// </summary>
    public static void WriteTrailersOnly(HttpResponse response, StatusCode code, string message)
    {
        response.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers.GrpcStatus = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers.GrpcMessage = PercentEncode(message);
    }

    /// <summary>grpc-message is percent-encoded: anything outside printable ASCII, and '%' itself, as UTF-8 bytes.</summary>
    internal static string PercentEncode(string message)
    {
        if (!message.Any(c => c is < ' ' or > '~' or '%'))
        {
            return message;
        }

        var encoded = new StringBuilder(message.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is < (byte)' ' or > (byte)'~' or (byte)'%')
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                encoded.Append((char)b);
            }
        }

        return encoded.ToString();
    }
}
