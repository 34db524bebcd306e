using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Auth.Addresses;

/// <summary>Whose address book a call reads and writes: always the signed-in user's own, never one named in the request.</summary>
public static class AddressOwner
{
    /// <summary>The caller's user id.</summary>
    /// <exception cref="global::Grpc.Core.RpcException">
    /// UNAUTHENTICATED for an anonymous caller (the access rule refuses it first; this keeps the book safe without
    /// it), PERMISSION_DENIED for a partner client acting as itself, which has no address book.
    /// </exception>
    public static string Of(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsAnonymous)
        {
            throw RpcErrors.Unauthenticated(AddressErrors.Domain, RpcErrors.TokenMissingReason, "The address book needs a signed-in user.");
        }

        if (caller.ClientId is not null && caller.Subject == caller.ClientId)
        {
            throw RpcErrors.PermissionDenied(AddressErrors.Domain, RpcErrors.AccessDeniedReason, "Address books belong to users; a partner client has none.");
        }

        return caller.Subject!;
    }
}
