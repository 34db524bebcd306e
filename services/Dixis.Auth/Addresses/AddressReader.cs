using Dixis.Contracts.Auth.V1;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Auth.Addresses;

/// <summary>Reads of the caller's own address book.</summary>
public sealed class AddressReader(AddressRepository repository, AddressMapper mapper)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    public async Task<Address> GetAsync(string addressId, Caller caller, CancellationToken cancellationToken)
    {
        var owner = AddressOwner.Of(caller);
        if (string.IsNullOrEmpty(addressId))
        {
            throw RpcErrors.InvalidField(AddressErrors.Domain, "address_id", "is required.");
        }

        var document = await repository.GetOwnedAsync(addressId, owner, cancellationToken) ?? throw AddressErrors.AddressNotFound(addressId);
        return mapper.ToContract(document);
    }

    public async Task<ListAddressesResponse> ListAsync(ListAddressesRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var owner = AddressOwner.Of(caller);
        var pageSize = PageSize.Resolve(request.PageSize, DefaultPageSize, MaxPageSize, AddressErrors.Domain);
        var (items, next) = await repository.PageAsync(owner, pageSize, request.PageToken, cancellationToken);
        var response = new ListAddressesResponse { NextPageToken = next };
        response.Addresses.AddRange(items.Select(mapper.ToContract));
        return response;
    }
}
