using Dixis.ServiceDefaults.Security;
using Dixis.Testing.Tokens;
using Grpc.Core;

namespace Dixis.Services.Tests.Shipping.Shipments;

/// <summary>Who a test calls the shipping service as: an access token per caller, minted on each use.</summary>
public static class ShippingCallers
{
    public static Metadata Admin => As("admin-1", [CallerRoles.Admin]);

    public static Metadata Anonymous { get; } = [];

    public static Metadata Customer(string userId) => As(userId, [CallerRoles.Customer]);

    public static Metadata Producer(string producerId) => As($"user-of-{producerId}", [CallerRoles.Producer], producerId);

    private static Metadata As(string subject, string[] roles, string? producerId = null) =>
        [new Metadata.Entry("authorization", $"Bearer {TestTokenIssuer.Shared.ForUser(subject, roles, producerId)}")];
}
