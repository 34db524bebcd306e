using Dixis.Contracts.Auth.V1;
using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Auth;

/// <summary>Serves <c>dixis.auth.v1.PartnerClientService</c> at the gateway by forwarding each call to the auth service.</summary>
public sealed class PartnerClientServiceForwarder(GrpcForwarder forwarder, PartnerClientService.PartnerClientServiceClient downstream)
    : PartnerClientService.PartnerClientServiceBase
{
    public override Task<CreatePartnerClientResponse> CreatePartnerClient(CreatePartnerClientRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.CreatePartnerClientAsync, request, context);

    public override Task<ListPartnerClientsResponse> ListPartnerClients(ListPartnerClientsRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ListPartnerClientsAsync, request, context);

    public override Task<PartnerClient> GetPartnerClient(GetPartnerClientRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetPartnerClientAsync, request, context);

    public override Task<PartnerClient> RevokePartnerClient(RevokePartnerClientRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.RevokePartnerClientAsync, request, context);
}
