using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Orders.Model;
using Dixis.ServiceDefaults.Grpc;
using Grpc.Core;
using OrdersErrorReason = Dixis.Contracts.Orders.V1.ErrorReason;

namespace Dixis.Orders.Checkout;

/// <summary>
/// The signed-in shopper's saved addresses, for <c>PlaceOrder</c> with an <c>address_id</c>: read from the Auth
/// service's <c>AddressService</c> with the shopper's own access token, relayed from the inbound call. Auth then
/// applies its own rule (a user only ever sees their own addresses) and decrypts the address; Orders holds no
/// credential of its own that could read anyone's address book.
/// </summary>
public sealed class AddressBook(AddressService.AddressServiceClient addresses)
{
    public const string AddressType = "dixis.auth.v1.Address";

    /// <summary>The postal address of the caller's entry <paramref name="addressId"/>.</summary>
    /// <param name="addressId">The entry's id.</param>
    /// <param name="authorization">The inbound call's <c>authorization</c> header (a bearer access token).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="RpcException">
    /// NOT_FOUND (ADDRESS_NOT_FOUND) when the caller has no such entry; INVALID_ARGUMENT without a bearer token;
    /// UNAVAILABLE when the Auth service does not answer.
    /// </exception>
    public async Task<PostalAddress> GetAsync(string addressId, string? authorization, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // Callers signed in by other means (test principals, the Development-only internal header) have no token to relay.
            throw RpcErrors.InvalidField(OrderErrors.Domain, "address_id", "can be used only with a bearer access token; send the full shipping_address instead.");
        }

        try
        {
            var address = await addresses.GetAddressAsync(
                new GetAddressRequest { AddressId = addressId }, new Metadata { { "authorization", authorization } }, cancellationToken: cancellationToken);
            return address.PostalAddress;
        }
        catch (RpcException missing) when (missing.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            throw RpcErrors.NotFound(OrderErrors.Domain, OrderErrors.Reason(OrdersErrorReason.AddressNotFound), AddressType, addressId,
                $"Address '{addressId}' is not in your address book: choose another address or send the full shipping_address.");
        }
        catch (RpcException failure) when (failure.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw RpcErrors.Unavailable(OrderErrors.Domain, RpcErrors.DependencyUnavailableReason,
                "The address book is not answering; try again shortly, or send the full shipping_address.", TimeSpan.FromSeconds(1));
        }
    }
}
