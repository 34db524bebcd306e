using Dixis.Contracts.Shipping.V1;
using Dixis.Gateway.Forwarding;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Shipping;

/// <summary>Serves <c>dixis.shipping.v1.RateTableService</c> at the gateway by forwarding each call to the shipping service.</summary>
public sealed class RateTableServiceForwarder(GrpcForwarder forwarder, RateTableService.RateTableServiceClient downstream)
    : RateTableService.RateTableServiceBase
{
    public override Task<ListRateTablesResponse> ListRateTables(ListRateTablesRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ListRateTablesAsync, request, context);

    public override Task<RateTable> GetRateTable(GetRateTableRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetRateTableAsync, request, context);

    public override Task<RateTable> CreateRateTable(CreateRateTableRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.CreateRateTableAsync, request, context);

    public override Task<RateTable> UpdateRateTable(UpdateRateTableRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.UpdateRateTableAsync, request, context);

    public override Task<RateTable> ActivateRateTable(ActivateRateTableRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ActivateRateTableAsync, request, context);

    public override Task<Empty> DeleteRateTable(DeleteRateTableRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.DeleteRateTableAsync, request, context);
}
