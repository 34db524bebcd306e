using Grpc.Core;

namespace Dixis.Gateway.Forwarding;

/// <summary>Source-generated log messages of the forwarding path.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Downstream call {Method} ended with {StatusCode}")]
    public static partial void DownstreamFailed(ILogger logger, string method, StatusCode statusCode);
}
