using Dixis.Contracts.Shipping.V1;
using Dixis.Shipping.Rates;
using Grpc.Core;

namespace Dixis.Shipping.Grpc;

/// <summary><c>dixis.shipping.v1.RateService</c>: quotes and zone lookups from the active rate table, open to everyone.</summary>
public sealed class RateGrpcService(RateQuotes quotes) : RateService.RateServiceBase
{
    public override Task<QuoteRatesResponse> QuoteRates(QuoteRatesRequest request, ServerCallContext context) =>
        quotes.QuoteAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<ResolveZoneResponse> ResolveZone(ResolveZoneRequest request, ServerCallContext context) =>
        quotes.ResolveZoneAsync(request, context.GetCaller(), context.CancellationToken);
}
