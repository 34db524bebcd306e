using System.Globalization;
using System.Text.Json;
using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.ServiceDefaults.Grpc;
using Dixis.Shipping.Model;
using Dixis.Shipping.Shipments;
using Dixis.Shipping.Tracking;
using ErrorInfo = Google.Rpc.ErrorInfo;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dixis.Shipping.Webhooks;

/// <summary>
/// <c>POST /webhooks/carriers/{carrier_id}</c>: a carrier's signed tracking event. The signature is checked over the raw
/// body before anything is parsed; an unsigned, forged or stale request is answered 400 (problem JSON, reason
/// WEBHOOK_SIGNATURE_INVALID) and changes nothing. A carrier event id seen before is answered 200 without a second
/// event, so carriers may retry freely. Events go through the same <see cref="TrackingEventRecorder"/> as the API.
/// </summary>
public sealed partial class CarrierWebhookReceiver(
    IOptionsMonitor<CarrierOptions> options,
    ShipmentRepository shipments,
    TrackingEventRecorder recorder,
    TimeProvider timeProvider,
    ILogger<CarrierWebhookReceiver> logger)
{
    public const string Route = "/webhooks/carriers/{carrierId}";
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxEventIdLength = 128;

    public async Task<IResult> ReceiveAsync(string carrierId, HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, RpcErrors.InvalidFieldReason, $"The body is larger than {MaxBodyBytes} bytes.");
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, RpcErrors.InvalidFieldReason, $"The body is larger than {MaxBodyBytes} bytes.");
        }

        var signatureProblem = CheckSignature(carrierId, request.Headers[CarrierWebhookSignature.HeaderName], body);
        if (signatureProblem is not null)
        {
            LogRejected(logger, carrierId, signatureProblem);
            return Problem(StatusCodes.Status400BadRequest, ShippingErrors.Reason(Contracts.Shipping.V1.ErrorReason.WebhookSignatureInvalid), signatureProblem);
        }

        CarrierWebhookPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(body, CarrierWebhookJsonContext.Default.CarrierWebhookPayload);
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload is null)
        {
            return Problem(StatusCodes.Status400BadRequest, RpcErrors.InvalidFieldReason, "The body is not a JSON object of a tracking event.");
        }

        var violations = Validate(payload, out var kind, out var eventTime);
        if (violations.Count > 0)
        {
            var first = violations.Items[0];
            return Problem(StatusCodes.Status400BadRequest, first.Reason, string.Join("; ", violations.Items.Select(v => $"{v.Field}: {v.Description}")), first.Field);
        }

        var shipment = await shipments.FindByTrackingNumberAsync(payload.TrackingNumber!.Trim(), cancellationToken);
        if (shipment is null || shipment.Value.CarrierId != carrierId)
        {
            return Problem(StatusCodes.Status404NotFound, ShippingErrors.Reason(Contracts.Shipping.V1.ErrorReason.ShipmentNotFound),
                $"No shipment of carrier '{carrierId}' has tracking number '{payload.TrackingNumber}'.", "tracking_number");
        }

        var actor = $"carrier:{carrierId}";
        var eventId = payload.EventId!.Trim();
        try
        {
            var outcome = await recorder.RecordAsync(
                shipment,
                new NewTrackingEvent(kind, eventTime, (payload.Description ?? string.Empty).Trim(), (payload.Location ?? string.Empty).Trim(),
                    TrackingEventSource.Carrier, actor, eventId, $"carrier:{carrierId}:{eventId}", new Actor { Kind = ActorKind.Carrier, Id = actor }),
                cancellationToken);
            return Results.Json(
                new CarrierWebhookAccepted(outcome.Event.Id, ShipmentMapper.Name(outcome.State), outcome.Replayed),
                CarrierWebhookJsonContext.Default.CarrierWebhookAccepted);
        }
        catch (RpcException error)
        {
            var status = error.StatusCode switch
            {
                StatusCode.NotFound => StatusCodes.Status404NotFound,
                StatusCode.FailedPrecondition or StatusCode.Aborted or StatusCode.AlreadyExists => StatusCodes.Status409Conflict,
                StatusCode.InvalidArgument => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status503ServiceUnavailable,
            };
            return Problem(status, error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? error.StatusCode.ToString(), error.Status.Detail);
        }
    }

    private FieldViolations Validate(CarrierWebhookPayload payload, out TrackingEventKind kind, out DateTimeOffset eventTime)
    {
        var violations = new FieldViolations();
        if (string.IsNullOrWhiteSpace(payload.TrackingNumber) || payload.TrackingNumber.Length > ShipmentLimits.MaxTrackingNumberLength)
        {
            violations.Add("tracking_number", $"is required, at most {ShipmentLimits.MaxTrackingNumberLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(payload.EventId) || payload.EventId.Length > MaxEventIdLength)
        {
            violations.Add("event_id", $"is required, at most {MaxEventIdLength} characters: the carrier's id of the event.");
        }

        if (!TrackingEventMapper.TryParse(payload.Kind, out kind))
        {
            kind = TrackingEventKind.Unspecified;
        }

        DateTimeOffset? time = null;
        eventTime = default;
        if (!string.IsNullOrWhiteSpace(payload.EventTime))
        {
            if (DateTimeOffset.TryParse(payload.EventTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                time = eventTime = parsed;
            }
            else
            {
                violations.Add("event_time", "is not an ISO 8601 time such as 2025-03-01T09:30:00Z.");
            }
        }

        if (!violations.Has("event_time"))
        {
            TrackingEventRules.Check(violations, string.Empty, kind, time, payload.Description ?? string.Empty, payload.Location ?? string.Empty, timeProvider.GetUtcNow());
        }

        return violations;
    }

    /// <summary>The raw body (the signature covers its exact bytes), or null when it is larger than allowed.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Problem(int status, string reason, string detail, string? field = null)
    {
        var extensions = new Dictionary<string, object?> { ["domain"] = ShipmentErrors.Domain, ["reason"] = reason };
        if (field is not null)
        {
            extensions["field"] = field;
        }

        return Results.Problem(detail: detail, statusCode: status, extensions: extensions);
    }

    /// <summary>Null when the request is signed with one of the carrier's accepted secrets; otherwise why not.</summary>
    private string? CheckSignature(string carrierId, string? header, byte[] body)
    {
        var secrets = options.CurrentValue.Carriers.GetValueOrDefault(carrierId)?.AcceptedSecrets().ToList() ?? [];
        if (secrets.Count == 0)
        {
            return "No webhook secret is configured for this carrier.";
        }

        var now = timeProvider.GetUtcNow();
        var problem = CarrierWebhookSignature.Check(header, body, secrets[0], now);
        if (problem is null || secrets.Count == 1)
        {
            return problem;
        }

        if (CarrierWebhookSignature.Check(header, body, secrets[1], now) is not null)
        {
            return problem;
        }

        LogSignedWithPreviousSecret(logger, carrierId);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A webhook of carrier {CarrierId} was signed with its previous secret; remove PreviousWebhookSecret once none are")]
    private static partial void LogSignedWithPreviousSecret(ILogger logger, string carrierId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a webhook of carrier {CarrierId}: {Problem}")]
    private static partial void LogRejected(ILogger logger, string carrierId, string problem);
}
