using Dixis.Catalog.DemoData.Families;

namespace Dixis.Catalog.DemoData;

/// <summary>What the generator decided about one product before writing it out: the facts its texts and attributes agree on.</summary>
internal sealed record ProductChoices(
    long Number,
    ProductFamily Family,
    ProductKind Kind,
    DemoProducerProfile Producer,
    DemoRegion Region,
    ProductVariety? Variety,
    Phrase? Qualifier,
    OriginDesignation? Designation,
    bool Organic,
    int? Vintage,
    Phrase? Line);
