using System.Globalization;
using Dixis.Catalog.DemoData.Families;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;

namespace Dixis.Catalog.DemoData;

/// <summary>
/// A deterministic stream of demo products across the leaves of <see cref="DemoCategoryTree"/>, sold by
/// <see cref="Producers"/>: olive oils by region and cultivar, thyme, pine and fir honeys, PDO cheeses, wines by
/// grape, herbs, olives, pasta, legumes and sweets, in Greek and English, with one to four variants each.
/// Product <c>n</c> depends only on the seed and <c>n</c> (each has its own random stream), so products are made
/// one at a time as the stream is read: a hundred thousand take no more memory than one. Slugs and SKUs carry the
/// product number, so they are unique however many are made.
/// </summary>
public sealed class DemoProductGenerator
{
    public const int DefaultSeed = 2026;

    /// <summary>How often a product is still a draft, a SKU is sold out, a variant shows a former price, a product has barcodes.</summary>
    private const double DraftChance = 0.03;
    private const double SoldOutChance = 0.1;
    private const double CompareAtChance = 0.15;
    private const double BarcodeChance = 0.4;

    /// <summary>How often a product comes from a producer of its own region, when the family has one.</summary>
    private const double LocalProducerChance = 0.85;

    private readonly int seed;
    private readonly IReadOnlyList<DemoProducerProfile> profiles;
    private readonly Dictionary<string, int> producerIndex;
    private readonly KindPlan[][] plans;
    private readonly int[] cumulativeShares;
    private readonly Dictionary<string, string> categoryIds;

    /// <param name="seed">Another seed gives other products under the same slugs and SKUs.</param>
    /// <param name="producerCount">How many of <see cref="DemoProducers"/> the products are spread over.</param>
    public DemoProductGenerator(int seed = DefaultSeed, int producerCount = DemoProducers.DefaultCount)
    {
        this.seed = seed;
        profiles = DemoProducers.Profiles(producerCount);
        producerIndex = profiles.Select((profile, index) => (profile.Slug, index)).ToDictionary(p => p.Slug, p => p.index, StringComparer.Ordinal);
        Producers = [.. profiles.Select(profile => profile.ToProducer())];
        plans = [.. ProductFamilies.All.Select(family => family.Kinds.Select(kind => KindPlan.For(family, kind, profiles)).ToArray())];
        categoryIds = ProductFamilies.All.ToDictionary(family => family.CategoryPath, family => DemoCategoryId.For(family.CategoryPath), StringComparer.Ordinal);
        var total = 0;
        cumulativeShares = [.. ProductFamilies.All.Select(family => total += family.Share)];
    }

    /// <summary>The producers the products name (<see cref="Product.ProducerId"/> is one of their ids).</summary>
    public IReadOnlyList<Producer> Producers { get; }

    /// <summary>Products 1 to <paramref name="count"/>, made lazily as the sequence is read.</summary>
    public IEnumerable<DemoProduct> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Stream(count);
    }

    /// <summary>Product number <paramref name="index"/> + 1, the same whatever was generated before.</summary>
    public DemoProduct Create(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new DemoRandom(seed, index);
        var choices = Choose(index + 1L, random);
        var name = ProductTexts.Name(choices);
        var product = new Product
        {
            Slug = Slugs.From(name.En, choices.Number),
            ProducerId = Producers[producerIndex[choices.Producer.Slug]].Id,
            CategoryId = categoryIds[choices.Family.CategoryPath],
            Name = name.ToLocalizedText(),
            Description = ProductTexts.Description(choices, random).ToLocalizedText(),
            TaxClass = choices.Family.TaxClass,
            Status = random.Chance(DraftChance) ? ProductStatus.Draft : ProductStatus.Active,
        };
        product.Attributes.AddRange(Attributes(choices));
        product.Images.AddRange(Images(product.Slug, name, random));
        var stock = new Dictionary<string, long>(StringComparer.Ordinal);
        AddVariants(product, choices, random, stock);
        return new DemoProduct(product, stock);
    }

    private IEnumerable<DemoProduct> Stream(int count)
    {
        for (var index = 0; index < count; index++)
        {
            yield return Create(index);
        }
    }

    private ProductChoices Choose(long number, DemoRandom random)
    {
        var familyIndex = PickFamily(random);
        var plan = random.Pick(plans[familyIndex]);
        var family = plan.Family;

        DemoProducerProfile producer;
        DemoRegion region;
        if (plan.LocalProducers.Count > 0 && random.Chance(LocalProducerChance))
        {
            producer = random.Pick(plan.LocalProducers);
            region = producer.Region;
        }
        else
        {
            producer = random.Pick(plan.Specialists);
            region = DemoRegions.Get(random.Pick(plan.Regions));
        }

        var varieties = family.Varieties.Where(v => v.GrowsIn(region.Code)).ToArray();
        var variety = varieties.Length > 0 && (family.NameStyle == NameStyle.Wine || random.Chance(family.VarietyChance)) ? random.Pick(varieties) : null;
        var qualifier = family.Qualifiers.Count > 0 && random.Chance(family.QualifierChance) ? random.Pick(family.Qualifiers) : null;
        var designation = plan.Kind.Designations.FirstOrDefault(d => d.AppliesTo(region.Code));
        var organic = random.Chance(family.OrganicChance);
        int? vintage = family.HasVintage ? 2015 + random.Next(10) : null;
        var line = random.Chance(ProductLines.Chance) ? random.Pick(ProductLines.All) : null;
        return new ProductChoices(number, family, plan.Kind, producer, region, variety, qualifier, designation, organic, vintage, line);
    }

    private int PickFamily(DemoRandom random)
    {
        var ticket = random.Next(cumulativeShares[^1]);
        var index = Array.BinarySearch(cumulativeShares, ticket + 1);
        return index >= 0 ? index : ~index;
    }

    private static IEnumerable<ProductAttribute> Attributes(ProductChoices product)
    {
        yield return Attribute("origin_region", product.Region.Code, product.Region.Name);
        if (product.Variety is { } variety)
        {
            yield return Attribute("variety", variety.Code, variety.Name);
        }

        if (product.Organic)
        {
            yield return Attribute("organic", "true", new("Βιολογικό", "Organic"));
        }

        if (product.Designation is { } designation)
        {
            yield return Attribute(designation.Key, "true", designation.Label);
        }

        if (product.Vintage is { } vintage)
        {
            var year = vintage.ToString(CultureInfo.InvariantCulture);
            yield return Attribute("vintage", year, new(year, year));
        }
    }

    private static ProductAttribute Attribute(string key, string value, Phrase display) =>
        new() { Key = key, Value = value, DisplayValue = display.ToLocalizedText() };

    private static IEnumerable<ProductImage> Images(string slug, Phrase name, DemoRandom random)
    {
        var count = random.Between(1, 3);
        for (var position = 0; position < count; position++)
        {
            var alt = position == 0 ? name : new Phrase($"{name.El} — φωτογραφία {position + 1}", $"{name.En} — photo {position + 1}");
            yield return new ProductImage
            {
                Uri = string.Create(CultureInfo.InvariantCulture, $"https://images.dixis.example/products/{slug}/{position + 1}.jpg"),
                AltText = alt.ToLocalizedText(),
                Position = position,
            };
        }
    }

    private void AddVariants(Product product, ProductChoices choices, DemoRandom random, Dictionary<string, long> stock)
    {
        var sizes = choices.Family.Sizes;
        var count = random.Between(1, Math.Min(4, sizes.Count));
        var first = random.Next(sizes.Count - count + 1);
        var priceFactor = choices.Family.PriceFactor * (0.8 + (random.NextDouble() * 0.55))
            * (choices.Organic && choices.Family.OrganicChance < 1 ? 1.15 : 1)
            * (choices.Designation is null ? 1 : 1.1);
        var barcodes = random.Chance(BarcodeChance);
        var company = 1000 + producerIndex[choices.Producer.Slug];
        for (var position = 0; position < count; position++)
        {
            var size = sizes[first + position];
            var price = Prices.Round(size.PriceMinor * priceFactor);
            var variant = new Variant
            {
                Sku = string.Create(CultureInfo.InvariantCulture, $"{choices.Family.SkuPrefix}-{choices.Number:D6}-{size.Code}"),
                Price = Euros(price),
                WeightGrams = size.WeightGrams,
                Dimensions = new Dimensions { LengthMm = size.LengthMm, WidthMm = size.WidthMm, HeightMm = size.HeightMm },
                Position = position,
            };
            variant.OptionValues.Add(new OptionValue { Option = size.Option, Value = size.Label.ToLocalizedText() });
            if (random.Chance(CompareAtChance))
            {
                variant.CompareAtPrice = Euros(Prices.Above(price, 1.1 + (random.NextDouble() * 0.25)));
            }

            if (barcodes)
            {
                variant.Gtin = Gtin13.For(company, (int)((choices.Number * 4) + position));
            }

            product.Variants.Add(variant);

            // Larger packs are kept in smaller numbers.
            stock[variant.Sku] = random.Chance(SoldOutChance) ? 0 : random.Between(2, 300 / (position + first + 1));
        }
    }

    private static Money Euros(long minor) => new() { CurrencyCode = "EUR", AmountMinor = minor };

    /// <summary>A family's kind with the producers that can make it, worked out once instead of per product.</summary>
    private sealed record KindPlan(
        ProductFamily Family,
        ProductKind Kind,
        IReadOnlyList<string> Regions,
        IReadOnlyList<DemoProducerProfile> Specialists,
        IReadOnlyList<DemoProducerProfile> LocalProducers)
    {
        public static KindPlan For(ProductFamily family, ProductKind kind, IReadOnlyList<DemoProducerProfile> producers)
        {
            var regions = kind.Regions.Count > 0 ? kind.Regions : family.Regions;
            var specialists = producers.Where(p => p.Specialties.Contains(family.RootSlug, StringComparer.Ordinal)).ToArray();

            // A small demo set may have no maker of this kind of food: then anyone sells it.
            IReadOnlyList<DemoProducerProfile> sellers = specialists.Length > 0 ? specialists : producers;
            return new KindPlan(family, kind, regions, sellers, [.. sellers.Where(p => regions.Contains(p.RegionCode, StringComparer.Ordinal))]);
        }
    }
}
