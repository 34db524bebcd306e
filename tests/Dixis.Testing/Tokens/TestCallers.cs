using Dixis.ServiceDefaults.Security;
using Grpc.Core;

namespace Dixis.Testing.Tokens;

/// <summary>
/// Who a test calls a service as: an access token of <see cref="TestTokenIssuer.Shared"/> in gRPC metadata, as a client
/// of the platform sends it. Minted on each use, so a long test run never sends one past its five minutes.
/// </summary>
public static class TestCallers
{
    public static Metadata Admin => As("admin-1", [CallerRoles.Admin]);

    /// <summary>No token at all.</summary>
    public static Metadata Anonymous => [];

    /// <summary>A signed-in customer; tests that check ownership use two different <paramref name="userId"/>s.</summary>
    public static Metadata Customer(string userId = "customer-1") => As(userId, [CallerRoles.Customer]);

    /// <summary>A user of the producer <paramref name="producerId"/>.</summary>
    public static Metadata Producer(string producerId) => As($"user-of-{producerId}", [CallerRoles.Producer], producerId);

    /// <summary>A token with these claims, issued at <paramref name="issuedAt"/> (now by default) for a service whose clock a test has moved.</summary>
    public static Metadata As(string subject, string[] roles, string? producerId = null, DateTimeOffset? issuedAt = null) =>
        [new Metadata.Entry("authorization", $"Bearer {TestTokenIssuer.Shared.ForUser(subject, roles, producerId, issuedAt: issuedAt)}")];
}
