using Dixis.Contracts.Shipping.V1;
using Dixis.Shipping.RateTables;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Shipping.Grpc;

/// <summary><c>dixis.shipping.v1.RateTableService</c>: rate tables as data, for administrators (the contract's access rule admits no one else).</summary>
public sealed class RateTableGrpcService(RateTableReader reader, RateTableWriter writer) : RateTableService.RateTableServiceBase
{
    public override Task<ListRateTablesResponse> ListRateTables(ListRateTablesRequest request, ServerCallContext context) =>
        reader.ListAsync(request, context.CancellationToken);

    public override Task<RateTable> GetRateTable(GetRateTableRequest request, ServerCallContext context) =>
        reader.GetAsync(request.RateTableId, context.CancellationToken);

    public override Task<RateTable> CreateRateTable(CreateRateTableRequest request, ServerCallContext context) =>
        writer.CreateAsync(request.RateTable ?? new RateTable(), context.CancellationToken);

    public override Task<RateTable> UpdateRateTable(UpdateRateTableRequest request, ServerCallContext context) =>
        writer.UpdateAsync(request.RateTable ?? new RateTable(), request.UpdateMask, context.CancellationToken);

    public override Task<RateTable> ActivateRateTable(ActivateRateTableRequest request, ServerCallContext context) =>
        writer.ActivateAsync(request.RateTableId, context.CancellationToken);

    public override async Task<Empty> DeleteRateTable(DeleteRateTableRequest request, ServerCallContext context)
    {
        await writer.DeleteAsync(request.RateTableId, context.CancellationToken);
        return new Empty();
    }
}
