using Dixis.Catalog.Producers;
using Dixis.Contracts.Catalog.V1;
using Grpc.Core;

namespace Dixis.Catalog.Grpc;

/// <summary><c>dixis.catalog.v1.ProducerService</c>: the sellers of the marketplace.</summary>
public sealed class ProducerGrpcService(ProducerReader reader, ProducerWriter writer) : ProducerService.ProducerServiceBase
{
    public override Task<Producer> GetProducer(GetProducerRequest request, ServerCallContext context) =>
        reader.GetAsync(request.ProducerId, context.GetCaller(), context.CancellationToken);

    public override Task<ListProducersResponse> ListProducers(ListProducersRequest request, ServerCallContext context) =>
        reader.ListAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Producer> CreateProducer(CreateProducerRequest request, ServerCallContext context) =>
        writer.CreateAsync(request.Producer ?? new Producer(), context.GetCaller(), context.CancellationToken);

    public override Task<Producer> UpdateProducer(UpdateProducerRequest request, ServerCallContext context) =>
        writer.UpdateAsync(request.Producer ?? new Producer(), request.UpdateMask, context.GetCaller(), context.CancellationToken);
}
