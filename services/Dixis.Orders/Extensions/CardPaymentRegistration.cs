using Dixis.Orders.Payments.Cards;
using Dixis.Orders.Webhooks;
using Dixis.Persistence.Definitions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dixis.Orders.Extensions;

/// <summary>Registers card payments through Stripe: the provider, the signed webhook and its event de-duplication (kept for a retention, then purged).</summary>
public static class CardPaymentRegistration
{
    /// <summary>The collections this part of the service stores.</summary>
    public static void DeclareCollections(DocumentStoreBuilder store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Collection<StripeEventRecord>(StripeEventRecord.CollectionName, events => events
            .Index("processTimeMs")
            .Json(WebhookJsonContext.Default.StripeEventRecord));
    }

    /// <summary>
    /// Binds and validates <c>Orders:Stripe</c> and, when a secret key is configured, installs
    /// <see cref="StripeCardPayments"/> as the <see cref="ICardPaymentProvider"/>. The order lifecycle registers an
    /// "unavailable" provider with TryAdd; <see cref="ServiceCollectionDescriptorExtensions.Replace"/> takes its place
    /// whichever registration runs first, so Stripe wins exactly when its keys are set.
    /// </summary>
    public static IHostApplicationBuilder AddCardPayments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<StripeOptions>, StripeOptionsValidator>();
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.SectionName).ValidateOnStart();

        services.AddHttpClient(StripeCardPayments.HttpClientName)
            .ConfigureHttpClient((provider, http) => http.Timeout = provider.GetRequiredService<IOptions<StripeOptions>>().Value.RequestTimeout);

        services.AddSingleton<StripeSignatureVerifier>();
        services.AddSingleton<StripeEventPurger>();
        services.AddHostedService(provider => provider.GetRequiredService<StripeEventPurger>());

        var stripe = builder.Configuration.GetSection(StripeOptions.SectionName).Get<StripeOptions>() ?? new StripeOptions();
        if (stripe.IsConfigured)
        {
            services.Replace(ServiceDescriptor.Singleton<ICardPaymentProvider, StripeCardPayments>());
        }

        return builder;
    }
}
