using Dixis.ServiceDefaults.Security;
using Grpc.Core;

namespace Dixis.Services.Tests.Auth.Addresses;

/// <summary>
/// Who a test calls the address book as. Every "who is calling" of these tests goes through here, so switching from
/// the interim internal caller header to bearer access tokens is a change of this file only.
/// </summary>
public static class AddressCallers
{
    public static Metadata Anonymous { get; } = [];

    /// <summary>A user id no other test uses, so tests sharing one service keep out of each other's books.</summary>
    public static string NewUserId() => $"user-{Guid.NewGuid():N}";

    /// <summary>The signed-in customer <paramref name="userId"/>.</summary>
    public static Metadata For(string userId) =>
        [new Metadata.Entry(InternalCallerHeader.Name, InternalCallerHeader.Format(userId, [CallerRoles.Customer]))];

    /// <summary>A partner client calling as itself (client credentials), which has no address book.</summary>
    public static Metadata PartnerClient(string clientId) =>
        [new Metadata.Entry(InternalCallerHeader.Name, InternalCallerHeader.Format(clientId, [], clientId: clientId, scopes: ["orders.read"]))];
}
