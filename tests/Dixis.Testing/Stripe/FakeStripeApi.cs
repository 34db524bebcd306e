using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dixis.Testing.Stripe;

/// <summary>
/// A fake of the part of Stripe's HTTP API that Dixis calls, on a loopback port, for Stripe.net to be pointed at
/// (<c>Orders:Stripe:ApiBase</c>): <c>POST /v1/payment_intents</c>, <c>GET /v1/payment_intents/{id}</c>,
/// <c>POST /v1/payment_intents/{id}/cancel</c> and <c>POST /v1/refunds</c>, with form-encoded bodies, Stripe-shaped JSON
/// and errors, and Stripe's idempotency: a repeated <c>Idempotency-Key</c> gets the first reply again, and the same key
/// with other parameters is refused. Tests move intents on (<see cref="Succeed"/>, <see cref="Fail"/>), read what was
/// received (<see cref="Requests"/>) and sign events with <see cref="StripeWebhookSigner"/>.
/// </summary>
public sealed class FakeStripeApi : IAsyncDisposable
{
    /// <summary>The keys the fake accepts; Stripe.net sends the secret key as a bearer token.</summary>
    public const string SecretKey = "sk_test_dixisFakeStripe";
    public const string PublishableKey = "pk_test_dixisFakeStripe";
    public const string WebhookSecret = "whsec_dixisFakeStripeSigningSecret";

    private readonly Lock gate = new();
    private readonly Dictionary<string, FakePaymentIntent> intents = new(StringComparer.Ordinal);
    private readonly List<FakeRefund> refunds = [];
    private readonly Dictionary<string, StoredReply> replies = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedStripeRequest> requests = new();
    private readonly WebApplication app;

    private FakeStripeApi(WebApplication app)
    {
        this.app = app;
    }

    /// <summary>The base address to configure as Stripe's API base, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string BaseAddress { get; private set; } = string.Empty;

    /// <summary>While true, every request is answered 503 as Stripe does during an outage.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedStripeRequest> Requests => [.. requests];

    /// <summary>The refunds made, in order.</summary>
    public IReadOnlyList<FakeRefund> Refunds
    {
        get
        {
            lock (gate)
            {
                return [.. refunds];
            }
        }
    }

    /// <summary>The PaymentIntents created, in order.</summary>
    public IReadOnlyList<FakePaymentIntent> PaymentIntents
    {
        get
        {
            lock (gate)
            {
                return [.. intents.Values.OrderBy(intent => intent.Created)];
            }
        }
    }

    /// <summary>Settings pointing a Dixis service's <c>Orders:Stripe</c> at this fake.</summary>
    public IReadOnlyDictionary<string, string?> OrdersSettings(params string[] webhookSecrets)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Orders:Stripe:SecretKey"] = SecretKey,
            ["Orders:Stripe:PublishableKey"] = PublishableKey,
            ["Orders:Stripe:ApiBase"] = BaseAddress,

            // The fake answers at once; Stripe.net's back-off would only slow down tests of failures.
            ["Orders:Stripe:MaxNetworkRetries"] = "0",
        };
        var secrets = webhookSecrets.Length == 0 ? [WebhookSecret] : webhookSecrets;
        for (var i = 0; i < secrets.Length; i++)
        {
            settings[$"Orders:Stripe:WebhookSecrets:{i}"] = secrets[i];
        }

        return settings;
    }

    public static async Task<FakeStripeApi> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();

        // Nothing from the test's appsettings or environment (a service's Kestrel endpoints) may reach the fake.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        var fake = new FakeStripeApi(app);
        app.Use(fake.GuardAsync);
        app.MapPost("/v1/payment_intents", fake.CreateIntentAsync);
        app.MapGet("/v1/payment_intents/{id}", fake.GetIntent);
        app.MapPost("/v1/payment_intents/{id}/cancel", fake.CancelIntentAsync);
        app.MapPost("/v1/refunds", fake.CreateRefundAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseAddress = address.TrimEnd('/');
        return fake;
    }

    /// <summary>The intent with this id.</summary>
    public FakePaymentIntent Intent(string id)
    {
        lock (gate)
        {
            return intents.TryGetValue(id, out var intent) ? intent : throw new KeyNotFoundException($"The fake Stripe API has no PaymentIntent '{id}'.");
        }
    }

    /// <summary>The intent created for this order (from its <c>order_id</c> metadata).</summary>
    public FakePaymentIntent IntentForOrder(string orderId)
    {
        lock (gate)
        {
            return intents.Values.SingleOrDefault(intent => intent.Metadata.GetValueOrDefault("order_id") == orderId)
                ?? throw new KeyNotFoundException($"The fake Stripe API has no PaymentIntent for order '{orderId}'.");
        }
    }

    /// <summary>The customer paid: the intent succeeds with its full amount received.</summary>
    public JsonObject Succeed(string id) => Change(id, intent =>
    {
        intent.Status = "succeeded";
        intent.AmountReceived = intent.Amount;
        intent.LastPaymentErrorMessage = null;
        intent.LastPaymentErrorCode = null;
    });

    /// <summary>The card was declined: Stripe puts the intent back to <c>requires_payment_method</c> with the error.</summary>
    public JsonObject Fail(string id, string message = "Your card was declined.", string code = "card_declined") => Change(id, intent =>
    {
        intent.Status = "requires_payment_method";
        intent.LastPaymentErrorMessage = message;
        intent.LastPaymentErrorCode = code;
    });

    private JsonObject Change(string id, Action<FakePaymentIntent> change)
    {
        lock (gate)
        {
            var intent = Intent(id);
            change(intent);
            return intent.ToJson();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        if (Unavailable)
        {
            await Reply(StatusCodes.Status503ServiceUnavailable, Error("api_error", null, "Stripe is temporarily unavailable.")).ExecuteAsync(context);
            return;
        }

        if (context.Request.Headers.Authorization.ToString() != $"Bearer {SecretKey}")
        {
            await Reply(StatusCodes.Status401Unauthorized, Error("invalid_request_error", null, "Invalid API Key provided.")).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private Task<IResult> CreateIntentAsync(HttpRequest request) => IdempotentAsync(request, form =>
    {
        if (!form.TryGetValue("amount", out var amountText) || !long.TryParse(amountText, out var amount) || amount < 1)
        {
            return Reply(StatusCodes.Status400BadRequest, Error("invalid_request_error", "parameter_missing", "Missing required param: amount.", "amount"));
        }

        if (!form.TryGetValue("currency", out var currency) || currency != currency.ToLowerInvariant() || currency.Length != 3)
        {
            return Reply(StatusCodes.Status400BadRequest, Error("invalid_request_error", "parameter_invalid_string", "Invalid currency.", "currency"));
        }

        var metadata = FakeStripeMetadata.FromForm(form);
        var intent = new FakePaymentIntent(FakeStripeIds.New("pi"), amount, currency, metadata, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        lock (gate)
        {
            intents[intent.Id] = intent;
        }

        return Reply(StatusCodes.Status200OK, intent.ToJson());
    });

    private IResult GetIntent(HttpRequest request, string id)
    {
        Record(request, new Dictionary<string, string>(), replayed: false);
        lock (gate)
        {
            return (intents.TryGetValue(id, out var intent)
                ? Reply(StatusCodes.Status200OK, intent.ToJson())
                : MissingIntent(id)).ToResult(replayed: false);
        }
    }

    private Task<IResult> CancelIntentAsync(HttpRequest request, string id) => IdempotentAsync(request, form =>
    {
        lock (gate)
        {
            if (!intents.TryGetValue(id, out var intent))
            {
                return MissingIntent(id);
            }

            if (intent.Status is "succeeded" or "canceled")
            {
                return Reply(StatusCodes.Status400BadRequest, Error("invalid_request_error", "payment_intent_unexpected_state",
                    $"You cannot cancel this PaymentIntent because it has a status of {intent.Status}."));
            }

            intent.Status = "canceled";
            intent.CancellationReason = form.GetValueOrDefault("cancellation_reason");
            return Reply(StatusCodes.Status200OK, intent.ToJson());
        }
    });

    private Task<IResult> CreateRefundAsync(HttpRequest request) => IdempotentAsync(request, form =>
    {
        lock (gate)
        {
            var id = form.GetValueOrDefault("payment_intent") ?? string.Empty;
            if (!intents.TryGetValue(id, out var intent))
            {
                return MissingIntent(id);
            }

            if (intent.Status != "succeeded")
            {
                return Reply(StatusCodes.Status400BadRequest, Error("invalid_request_error", "charge_not_refundable", "This PaymentIntent has no successful charge to refund."));
            }

            var remaining = intent.AmountReceived - intent.AmountRefunded;
            var amount = form.TryGetValue("amount", out var amountText) && long.TryParse(amountText, out var parsed) ? parsed : remaining;
            if (remaining == 0)
            {
                return Reply(StatusCodes.Status400BadRequest, Error("invalid_request_error", "charge_already_refunded", "This charge has already been refunded."));
            }

            if (amount < 1 || amount > remaining)
            {
                return Reply(StatusCodes.Status400BadRequest, Error("invalid_request_error", "amount_too_large",
                    $"Refund amount ({amount}) is greater than unrefunded amount on charge ({remaining}).", "amount"));
            }

            intent.AmountRefunded += amount;
            var metadata = FakeStripeMetadata.FromForm(form);
            var refund = new FakeRefund(FakeStripeIds.New("re"), id, amount, intent.Currency, form.GetValueOrDefault("reason"), metadata, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            refunds.Add(refund);
            return Reply(StatusCodes.Status200OK, refund.ToJson());
        }
    });

    /// <summary>Stripe's idempotency: the first reply for a key is stored and replayed; other parameters with the same key are refused.</summary>
    private async Task<IResult> IdempotentAsync(HttpRequest request, Func<Dictionary<string, string>, StoredReply> handle)
    {
        var form = await ReadFormAsync(request);
        var key = request.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrEmpty(key))
        {
            Record(request, form, replayed: false);
            return handle(form).ToResult(replayed: false);
        }

        var fingerprint = $"{request.Method} {request.Path} " + string.Join('&', form.OrderBy(field => field.Key, StringComparer.Ordinal).Select(field => $"{field.Key}={field.Value}"));
        StoredReply reply;
        bool replayed;
        lock (gate)
        {
            replayed = replies.TryGetValue(key, out var stored);
            if (replayed && stored!.Fingerprint != fingerprint)
            {
                Record(request, form, replayed: false);
                return Reply(StatusCodes.Status400BadRequest, Error("idempotency_error", null,
                    "Keys for idempotent requests can only be used with the same parameters they were first used with.")).ToResult(replayed: false);
            }

            reply = replayed ? stored! : handle(form) with { Fingerprint = fingerprint };
            replies[key] = reply;
        }

        Record(request, form, replayed);
        return reply.ToResult(replayed);
    }

    private void Record(HttpRequest request, Dictionary<string, string> form, bool replayed)
    {
        var key = request.Headers["Idempotency-Key"].ToString();
        requests.Enqueue(new RecordedStripeRequest(request.Method, request.Path.Value ?? string.Empty, string.IsNullOrEmpty(key) ? null : key, form, replayed));
    }

    private static async Task<Dictionary<string, string>> ReadFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var form = await request.ReadFormAsync();
        return form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);
    }

    private static StoredReply MissingIntent(string id) =>
        Reply(StatusCodes.Status404NotFound, Error("invalid_request_error", "resource_missing", $"No such payment_intent: '{id}'", "intent"));

    private static StoredReply Reply(int status, JsonObject body) => new(status, body.ToJsonString(), string.Empty);

    private static JsonObject Error(string type, string? code, string message, string? param = null) => new()
    {
        ["error"] = new JsonObject
        {
            ["type"] = type,
            ["code"] = code,
            ["message"] = message,
            ["param"] = param,
        },
    };

    private sealed record StoredReply(int Status, string Body, string Fingerprint)
    {
        public IResult ToResult(bool replayed) => new StripeReply(this, replayed);

        public Task ExecuteAsync(HttpContext context) => ToResult(replayed: false).ExecuteAsync(context);
    }

    private sealed class StripeReply(StoredReply reply, bool replayed) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = reply.Status;
            httpContext.Response.ContentType = "application/json";
            httpContext.Response.Headers["Request-Id"] = FakeStripeIds.New("req");
            if (replayed)
            {
                httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            }

            await httpContext.Response.WriteAsync(reply.Body);
        }
    }
}
