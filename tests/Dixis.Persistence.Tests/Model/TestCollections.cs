using Dixis.Persistence.Definitions;

namespace Dixis.Persistence.Tests.Model;

/// <summary>The store the contract suite runs against: one indexed collection with a unique SKU.</summary>
public static class TestCollections
{
    public const string Stock = "stock";

    public static DocumentStoreDefinition Definition { get; } = new DocumentStoreBuilder("contract")
        .Collection<StockItem>(Stock, c => c
            .Index("category", "price")
            .Index("price")
            .Index("active")
            .UniqueIndex("sku")
            .ShardKey("category"))
        .Build();
}
