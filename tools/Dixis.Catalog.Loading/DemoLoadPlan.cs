using Dixis.Catalog.DemoData;

namespace Dixis.Catalog.Loading;

/// <summary>What demo catalog to load.</summary>
/// <param name="Products">How many generated products to import (0: producers only).</param>
/// <param name="Producers">How many demo producers to create and spread the products over.</param>
/// <param name="Seed">The generator's seed.</param>
/// <param name="SetStock">Whether to put each SKU's initial stock on it after the import (one call per stocked SKU).</param>
public sealed record DemoLoadPlan(int Products, int Producers = DemoProducers.DefaultCount, int Seed = DemoProductGenerator.DefaultSeed, bool SetStock = true)
{
    /// <summary>
    /// The import's request id, derived from the plan: loading the same plan into the same catalog again is
    /// answered from the first import's result instead of importing twice.
    /// </summary>
    public string ImportRequestId => NameBasedId.For("dixis.catalog.demo-import", $"{Seed}/{Products}/{Producers}");
}
