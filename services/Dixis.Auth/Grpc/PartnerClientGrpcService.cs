using Dixis.Auth.Accounts;
using Dixis.Auth.Audit;
using Dixis.Auth.Partners;
using Dixis.Contracts.Auth.V1;
using Grpc.Core;

namespace Dixis.Auth.Grpc;

/// <summary><c>dixis.auth.v1.PartnerClientService</c>: administration of partner API clients (admins only).</summary>
public sealed class PartnerClientGrpcService(PartnerClientAdministration clients) : PartnerClientService.PartnerClientServiceBase
{
    public override Task<CreatePartnerClientResponse> CreatePartnerClient(CreatePartnerClientRequest request, ServerCallContext context) =>
        clients.CreateAsync(request, SignedInUser.From(context), RequestOrigin.From(context), context.CancellationToken);

    public override Task<ListPartnerClientsResponse> ListPartnerClients(ListPartnerClientsRequest request, ServerCallContext context) =>
        clients.ListAsync(request, context.CancellationToken);

    public override Task<PartnerClient> GetPartnerClient(GetPartnerClientRequest request, ServerCallContext context) =>
        clients.GetAsync(request.PartnerClientId, context.CancellationToken);

    public override Task<PartnerClient> RevokePartnerClient(RevokePartnerClientRequest request, ServerCallContext context) =>
        clients.RevokeAsync(request, SignedInUser.From(context), RequestOrigin.From(context), context.CancellationToken);
}
