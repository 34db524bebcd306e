using Dixis.ServiceDefaults.Grpc;
using Grpc.Core;

namespace Dixis.Auth.Addresses;

/// <summary>The address book's errors, in the auth service's error domain.</summary>
public static class AddressErrors
{
    /// <summary>The <c>ErrorInfo.domain</c> of every auth error.</summary>
    public const string Domain = "dixis.auth";

    public const string AddressType = "dixis.auth.v1.Address";

    /// <summary>The common reason NOT_FOUND (<c>dixis.common.v1.ErrorReason</c>).</summary>
    public const string NotFoundReason = RpcErrors.NotFoundReason;

    /// <summary>
    /// The book already holds the most addresses a user may keep. Not yet a value of <c>dixis.auth.v1.ErrorReason</c>:
    /// the contract should add <c>ERROR_REASON_ADDRESS_BOOK_FULL</c> (FAILED_PRECONDITION).
    /// </summary>
    public const string AddressBookFullReason = "ADDRESS_BOOK_FULL";

    /// <summary>
    /// NOT_FOUND for a missing address and for another user's alike, with the same message, so a caller never
    /// learns that an id belongs to someone.
    /// </summary>
    public static RpcException AddressNotFound(string addressId) =>
        RpcErrors.NotFound(Domain, NotFoundReason, AddressType, addressId, $"Address '{Shorten(addressId)}' does not exist in your address book.");

    public static RpcException AddressBookFull(int maxAddresses) =>
        RpcErrors.FailedPrecondition(Domain, AddressBookFullReason, $"The address book already holds {maxAddresses} addresses, the most it can; delete one first.",
            [new PreconditionViolation("LIMIT", "addresses", $"At most {maxAddresses} addresses per user.")]);

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
