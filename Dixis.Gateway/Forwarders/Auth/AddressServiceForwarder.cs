using Dixis.Contracts.Auth.V1;
using Dixis.Gateway.Forwarding;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Auth;

/// <summary>Serves <c>dixis.auth.v1.AddressService</c> at the gateway by forwarding each call to the auth service.</summary>
public sealed class AddressServiceForwarder(GrpcForwarder forwarder, AddressService.AddressServiceClient downstream)
    : AddressService.AddressServiceBase
{
    public override Task<ListAddressesResponse> ListAddresses(ListAddressesRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ListAddressesAsync, request, context);

    public override Task<Address> GetAddress(GetAddressRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetAddressAsync, request, context);

    public override Task<Address> CreateAddress(CreateAddressRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.CreateAddressAsync, request, context);

    public override Task<Address> UpdateAddress(UpdateAddressRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.UpdateAddressAsync, request, context);

    public override Task<Empty> DeleteAddress(DeleteAddressRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.DeleteAddressAsync, request, context);
}
