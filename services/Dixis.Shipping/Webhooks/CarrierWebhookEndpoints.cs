namespace Dixis.Shipping.Webhooks;

/// <summary>Maps the carriers' webhook on the service's http endpoint (plain HTTP/1.1, as carriers call it).</summary>
public static class CarrierWebhookEndpoints
{
    public static IEndpointRouteBuilder MapCarrierWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(CarrierWebhookReceiver.Route,
            (string carrierId, HttpRequest request, CarrierWebhookReceiver receiver, CancellationToken cancellationToken) =>
                receiver.ReceiveAsync(carrierId, request, cancellationToken))
            .WithName("CarrierWebhook")
            .DisableAntiforgery();
        return endpoints;
    }
}
