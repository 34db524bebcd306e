using Grpc.Core;

namespace Dixis.Gateway.Forwarding;

/// <summary>Source-generated log messages of the forwarding path.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Downstream call {Method} ended with {StatusCode}")]
    public static partial void DownstreamFailed(ILogger logger, string method, StatusCode statusCode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Downstream call {Method} failed before the service answered ({StatusCode})")]
    public static partial void DownstreamUnreachable(ILogger logger, string method, StatusCode statusCode, Exception exception);
}
