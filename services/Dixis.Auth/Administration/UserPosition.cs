using System.Globalization;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Auth.Administration;

/// <summary>Where a page of users ended, in the list's order (newest first, then id): <c>&lt;createTimeMs&gt;:&lt;id&gt;</c>.</summary>
public sealed record UserPosition(long CreateTimeMs, string UserId)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CreateTimeMs}:{UserId}");

    public static UserPosition Parse(string cursor, string domain)
    {
        var separator = cursor.IndexOf(':', StringComparison.Ordinal);
        return separator > 0 && long.TryParse(cursor.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var createTimeMs) && separator < cursor.Length - 1
            ? new UserPosition(createTimeMs, cursor[(separator + 1)..])
            : throw RpcErrors.InvalidArgument(domain, [new FieldViolation("page_token", "is not a next_page_token of this method; start again without a page_token.", RpcErrors.InvalidPageTokenReason)]);
    }
}
