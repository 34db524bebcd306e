using Dixis.ServiceDefaults.Security;
using Dixis.Testing.Tokens;
using Grpc.Core;

namespace Dixis.Services.Tests.Auth.Addresses;

/// <summary>
/// Who a test calls the address book as: access tokens of the test issuer, which the Auth service under test trusts
/// next to its own keys (see InProcessService), so a test can be any user without registering one first.
/// </summary>
public static class AddressCallers
{
    public static Metadata Anonymous { get; } = [];

    /// <summary>A user id no other test uses, so tests sharing one service keep out of each other's books.</summary>
    public static string NewUserId() => $"user-{Guid.NewGuid():N}";

    /// <summary>The signed-in customer <paramref name="userId"/>.</summary>
    public static Metadata For(string userId) =>
        [new Metadata.Entry("authorization", $"Bearer {TestTokenIssuer.Shared.ForUser(userId, [CallerRoles.Customer])}")];

    /// <summary>A partner client calling as itself (client credentials), which has no address book.</summary>
    public static Metadata PartnerClient(string clientId) =>
        [new Metadata.Entry("authorization", $"Bearer {TestTokenIssuer.Shared.ForClient(clientId, ["orders.read"])}")];
}
