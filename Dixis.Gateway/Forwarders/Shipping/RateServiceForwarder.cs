using Dixis.Contracts.Shipping.V1;
using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Shipping;

/// <summary>Serves <c>dixis.shipping.v1.RateService</c> at the gateway by forwarding each call to the shipping service.</summary>
public sealed class RateServiceForwarder(GrpcForwarder forwarder, RateService.RateServiceClient downstream)
    : RateService.RateServiceBase
{
    public override Task<QuoteRatesResponse> QuoteRates(QuoteRatesRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.QuoteRatesAsync, request, context);

    public override Task<ResolveZoneResponse> ResolveZone(ResolveZoneRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ResolveZoneAsync, request, context);
}
