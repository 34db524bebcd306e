using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Catalog;

/// <summary>Serves <c>dixis.catalog.v1.ProducerService</c> at the gateway by forwarding each call to the catalog service.</summary>
public sealed class ProducerServiceForwarder(GrpcForwarder forwarder, ProducerService.ProducerServiceClient downstream)
    : ProducerService.ProducerServiceBase
{
    public override Task<Producer> GetProducer(GetProducerRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetProducerAsync, request, context);

    public override Task<ListProducersResponse> ListProducers(ListProducersRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ListProducersAsync, request, context);

    public override Task<Producer> CreateProducer(CreateProducerRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.CreateProducerAsync, request, context);

    public override Task<Producer> UpdateProducer(UpdateProducerRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.UpdateProducerAsync, request, context);
}
