using System.Net;
using Grpc.Core;

namespace Dixis.Auth.Audit;

/// <summary>Where a request came from, for the audit log: the client address the gateway saw, else the connection's.</summary>
public sealed record RequestOrigin(string? IpAddress)
{
    /// <summary>Work the service does on its own (rotation, bootstrap).</summary>
    public static RequestOrigin Internal { get; } = new((string?)null);

    public static RequestOrigin From(ServerCallContext context)
    {
        // The gateway appends the address it accepted the call from; the first entry is the original client.
        var forwarded = context.RequestHeaders.GetValue("x-forwarded-for");
        var first = forwarded?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is not null && IPAddress.TryParse(first, out var client))
        {
            return new RequestOrigin(client.ToString());
        }

        return new RequestOrigin(context.GetHttpContext().Connection.RemoteIpAddress?.ToString());
    }
}
