using Dixis.Persistence.Definitions;
using Dixis.Shipping.Model;

namespace Dixis.Shipping.RateTables;

/// <summary>The <c>rate_tables</c> collection: its name and indexes.</summary>
public static class RateTableCollection
{
    public const string Name = "rate_tables";

    public static void Declare(DocumentStoreBuilder store) => store
        .Collection<RateTableRecord>(Name, tables => tables
            .Index("createTimeMs")
            .Index("regionCode", "createTimeMs")
            .UniqueIndex("activeRegionCode")
            .Json(RateTableJsonContext.Default.RateTableRecord));
}
