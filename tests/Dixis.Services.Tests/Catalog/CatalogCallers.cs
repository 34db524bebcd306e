using Dixis.ServiceDefaults.Security;
using Dixis.Testing.Tokens;
using Grpc.Core;

namespace Dixis.Services.Tests.Catalog;

/// <summary>
/// Who a test calls the catalog as: an access token, as a client of the platform sends it. Minted on each use, so a
/// long test run never sends one past its five minutes.
/// </summary>
public static class CatalogCallers
{
    public static Metadata Admin => As("admin-1", [CallerRoles.Admin]);

    public static Metadata Anonymous { get; } = [];

    public static Metadata Customer => As("customer-1", [CallerRoles.Customer]);

    public static Metadata Producer(string producerId) => As($"user-of-{producerId}", [CallerRoles.Producer], producerId);

    /// <summary>An admin's token issued at <paramref name="now"/>, for a service whose clock a test has moved.</summary>
    public static Metadata AdminAt(DateTimeOffset now) => As("admin-1", [CallerRoles.Admin], issuedAt: now);

    private static Metadata As(string subject, string[] roles, string? producerId = null, DateTimeOffset? issuedAt = null) =>
        [new Metadata.Entry("authorization", $"Bearer {TestTokenIssuer.Shared.ForUser(subject, roles, producerId, issuedAt: issuedAt)}")];
}
