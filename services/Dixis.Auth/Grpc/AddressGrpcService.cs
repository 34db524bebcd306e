using Dixis.Auth.Addresses;
using Dixis.Contracts.Auth.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Auth.Grpc;

/// <summary><c>dixis.auth.v1.AddressService</c>: the signed-in user's own address book, encrypted at rest.</summary>
public sealed class AddressGrpcService(AddressReader reader, AddressWriter writer) : AddressService.AddressServiceBase
{
    public override Task<ListAddressesResponse> ListAddresses(ListAddressesRequest request, ServerCallContext context) =>
        reader.ListAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Address> GetAddress(GetAddressRequest request, ServerCallContext context) =>
        reader.GetAsync(request.AddressId, context.GetCaller(), context.CancellationToken);

    public override Task<Address> CreateAddress(CreateAddressRequest request, ServerCallContext context) =>
        writer.CreateAsync(request.Address ?? new Address(), context.GetCaller(), context.CancellationToken);

    public override Task<Address> UpdateAddress(UpdateAddressRequest request, ServerCallContext context) =>
        writer.UpdateAsync(request.Address ?? new Address(), request.UpdateMask, context.GetCaller(), context.CancellationToken);

    public override async Task<Empty> DeleteAddress(DeleteAddressRequest request, ServerCallContext context)
    {
        await writer.DeleteAsync(request.AddressId, context.GetCaller(), context.CancellationToken);
        return new Empty();
    }
}
