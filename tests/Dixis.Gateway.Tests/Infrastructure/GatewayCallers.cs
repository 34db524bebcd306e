using System.Net.Http.Headers;
using Dixis.ServiceDefaults.Security;
using Dixis.Testing.Tokens;
using Grpc.Core;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>
/// Who a test calls the gateway as: access tokens of the test issuer, which the gateway and the in-process services
/// trust in these tests. Minted on each use, so a long run never sends one past its five minutes.
/// </summary>
public static class GatewayCallers
{
    public static string AdminToken => TestTokenIssuer.Shared.ForUser("admin-1", [CallerRoles.Admin]);

    /// <summary>gRPC metadata of an admin call.</summary>
    public static Metadata Admin => [new("authorization", $"Bearer {AdminToken}")];

    /// <summary>The same, with more entries.</summary>
    public static Metadata AdminWith(params (string Key, string Value)[] entries)
    {
        var metadata = Admin;
        foreach (var (key, value) in entries)
        {
            metadata.Add(key, value);
        }

        return metadata;
    }

    /// <summary>An HTTP client for the JSON surface that calls as an admin.</summary>
    public static HttpClient AsAdmin(this HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }
}
