using Dixis.Persistence.Definitions;
using Dixis.Shipping.Model;
using Dixis.Shipping.Rates;
using Dixis.Shipping.RateTables;

namespace Dixis.Shipping.Extensions;

/// <summary>Registers rate tables (the Greek default table included), quotes and the service-level directory shipments use.</summary>
public static class RateRegistration
{
    /// <summary>The collections this part of the service stores.</summary>
    public static void DeclareCollections(DocumentStoreBuilder store)
    {
        ArgumentNullException.ThrowIfNull(store);
        RateTableCollection.Declare(store);
    }

    public static IHostApplicationBuilder AddRates(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ShippingOptions>().BindConfiguration(ShippingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var services = builder.Services;
        services.AddSingleton<RateTableDirectory>();
        services.AddSingleton<RateTableReader>();
        services.AddSingleton<RateTableWriter>();
        services.AddSingleton<RateQuotes>();
        services.AddSingleton<IShippingServiceLevels, ShippingServiceLevels>();
        services.AddHostedService<DefaultRateTableSeeder>();
        return builder;
    }
}
