using Dixis.Contracts.Catalog.V1;
using Google.Protobuf;

namespace Dixis.Catalog.DemoData.Tests.DemoData;

public sealed class DemoProductGeneratorTests
{
    private const int BenchmarkSize = 100_000;

    [Fact]
    public void The_same_seed_gives_the_same_products_and_stock()
    {
        var first = new DemoProductGenerator(seed: 7).Generate(500).ToList();
        var second = new DemoProductGenerator(seed: 7).Generate(500).ToList();

        Assert.Equal(first.Select(p => p.Product.ToByteString()), second.Select(p => p.Product.ToByteString()));
        Assert.Equal(first.Select(p => p.StockBySku.OrderBy(s => s.Key).ToList()), second.Select(p => p.StockBySku.OrderBy(s => s.Key).ToList()));
    }

    [Fact]
    public void Another_seed_gives_other_products()
    {
        var first = new DemoProductGenerator(seed: 1).Generate(200).Select(p => p.Product.Name.Values["el"]);
        var second = new DemoProductGenerator(seed: 2).Generate(200).Select(p => p.Product.Name.Values["el"]);

        Assert.True(first.Zip(second).Count(pair => pair.First != pair.Second) > 150, "Most products should differ between seeds.");
    }

    [Fact]
    public void A_product_is_the_same_whatever_was_generated_before_it()
    {
        var generator = new DemoProductGenerator();

        var streamed = generator.Generate(1_000).Last();
        var direct = generator.Create(999);

        Assert.Equal(streamed.Product, direct.Product);
        Assert.EndsWith("-1000", direct.Product.Slug, StringComparison.Ordinal);
    }

    [Fact]
    public void Products_are_made_as_the_stream_is_read()
    {
        // Reading three of "all" returns at once only if nothing is made ahead of the reader.
        var three = new DemoProductGenerator().Generate(int.MaxValue).Take(3).ToList();

        Assert.Equal(3, three.Count);
    }

    [Fact]
    public void Over_a_hundred_thousand_products_slugs_and_skus_are_unique_and_every_product_keeps_the_contracts_rules()
    {
        // One pass over the benchmark size: it is the slowest test here.
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var skus = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();

        foreach (var demo in new DemoProductGenerator().Generate(BenchmarkSize))
        {
            var product = demo.Product;
            if (!slugs.Add(product.Slug))
            {
                problems.Add($"slug '{product.Slug}' repeats");
            }

            problems.AddRange(product.Variants.Where(v => !skus.Add(v.Sku)).Select(v => $"SKU '{v.Sku}' repeats"));
            problems.AddRange(ContractRules.Violations(product));
            if (product.Variants.Count is < 1 or > 4 || product.Images.Count is < 1 or > 3)
            {
                problems.Add($"{product.Slug}: {product.Variants.Count} variants, {product.Images.Count} images");
            }

            if (!demo.StockBySku.Keys.Order().SequenceEqual(product.Variants.Select(v => v.Sku).Order()))
            {
                problems.Add($"{product.Slug}: stock SKUs differ from variant SKUs");
            }
        }

        Assert.Empty(problems.Take(20));
        Assert.Equal(BenchmarkSize, slugs.Count);
        Assert.InRange(skus.Count, BenchmarkSize * 2, BenchmarkSize * 3);
    }

    [Fact]
    public void Products_cover_every_leaf_category_and_every_producer()
    {
        var generator = new DemoProductGenerator();
        var products = generator.Generate(10_000).Select(p => p.Product).ToList();

        Assert.Equal(DemoCategoryTree.Leaves.Select(leaf => leaf.Id).Order(), products.Select(p => p.CategoryId).Distinct().Order());
        Assert.Equal(generator.Producers.Select(p => p.Id).Order(), products.Select(p => p.ProducerId).Distinct().Order());
    }

    [Fact]
    public void Producers_sell_what_they_make()
    {
        var generator = new DemoProductGenerator();
        var beekeepers = generator.Producers.Where(p => p.Slug.StartsWith("melisso", StringComparison.Ordinal)).Select(p => p.Id).ToHashSet();
        var honey = DemoCategoryTree.Leaves.Where(leaf => leaf.RootSlug == "honey").Select(leaf => leaf.Id).ToHashSet();

        var fromBeekeepers = generator.Generate(5_000).Select(p => p.Product).Where(p => beekeepers.Contains(p.ProducerId)).ToList();

        Assert.NotEmpty(fromBeekeepers);
        Assert.All(fromBeekeepers, product => Assert.Contains(product.CategoryId, honey));
    }

    [Fact]
    public void Food_is_taxed_at_the_reduced_rate_and_wine_and_spirits_at_the_standard_rate()
    {
        var wine = DemoCategoryTree.Leaves.Where(leaf => leaf.RootSlug == "wine").Select(leaf => leaf.Id).ToHashSet();

        foreach (var product in new DemoProductGenerator().Generate(3_000).Select(p => p.Product))
        {
            Assert.Equal(wine.Contains(product.CategoryId) ? TaxClass.Standard : TaxClass.Reduced, product.TaxClass);
        }
    }

    [Fact]
    public void The_shop_has_drafts_sold_out_skus_former_prices_and_barcodes_but_mostly_active_stocked_products()
    {
        var products = new DemoProductGenerator().Generate(10_000).ToList();
        var variants = products.SelectMany(p => p.Product.Variants).ToList();
        var stock = products.SelectMany(p => p.StockBySku.Values).ToList();

        Assert.InRange(products.Count(p => p.Product.Status == ProductStatus.Draft), 100, 600);
        Assert.All(products, p => Assert.True(p.Product.Status is ProductStatus.Active or ProductStatus.Draft));
        Assert.InRange(stock.Count(amount => amount == 0) / (double)stock.Count, 0.05, 0.15);
        Assert.All(stock, amount => Assert.InRange(amount, 0, 300));
        Assert.InRange(variants.Count(v => v.CompareAtPrice is not null) / (double)variants.Count, 0.1, 0.2);
        Assert.InRange(variants.Count(v => v.Gtin.Length == 13) / (double)variants.Count, 0.3, 0.5);
        Assert.All(variants.Where(v => v.Gtin.Length > 0), v => Assert.StartsWith("520", v.Gtin, StringComparison.Ordinal));
    }

    [Fact]
    public void Prices_are_plausible_for_what_is_sold()
    {
        var saffron = DemoCategoryId.For("herbs-spices/saffron");
        var pasteli = DemoCategoryId.For("sweets-preserves/pasteli");

        foreach (var product in new DemoProductGenerator().Generate(5_000).Select(p => p.Product))
        {
            foreach (var variant in product.Variants)
            {
                var euros = variant.Price.AmountMinor / 100.0;
                var (min, max) = product.CategoryId == pasteli ? (0.8, 40) : product.CategoryId == saffron ? (8, 80) : (2, 200);
                Assert.InRange(euros, min, max);
                Assert.Equal(0, variant.Price.AmountMinor % 10);
            }

            // A bigger pack of the same product costs more.
            Assert.Equal(product.Variants.Select(v => v.Price.AmountMinor).Order(), product.Variants.Select(v => v.Price.AmountMinor));
        }
    }

    [Fact]
    public void Names_read_like_a_greek_shop_and_vary_over_a_large_catalog()
    {
        var names = new DemoProductGenerator().Generate(30_000).Select(p => p.Product.Name.Values).ToList();
        var greek = names.Select(n => n["el"]).ToList();
        var english = names.Select(n => n["en"]).ToList();

        foreach (var word in new[] { "ελαιόλαδο", "μέλι", "Πευκόμελο", "ελάτης", "Φέτα", "Γραβιέρα", "Ασύρτικο", "Αγιωργίτικο", "Ξινόμαυρο", "Ρίγανη", "ελιές Καλαμών", "Χυλοπίτες", "παστέλι", "ΠΟΠ" })
        {
            Assert.Contains(greek, name => name.Contains(word, StringComparison.Ordinal));
        }

        Assert.Contains(english, name => name.Contains("Koroneiki extra virgin olive oil", StringComparison.Ordinal));
        Assert.Contains(english, name => name.Contains("thyme honey from Crete", StringComparison.Ordinal));
        Assert.True(greek.Distinct().Count() > 15_000, $"Only {greek.Distinct().Count()} different names in {greek.Count} products.");
        Assert.All(english, name => Assert.Matches("^[A-Z0-9]", name));
    }

    [Fact]
    public void Products_refer_to_the_demo_producers_by_their_deterministic_ids()
    {
        var generator = new DemoProductGenerator(producerCount: 40);

        Assert.Equal(40, generator.Producers.Count);
        Assert.All(generator.Producers, p => Assert.Equal(DemoProducerId.For(p.Slug), p.Id));
        Assert.All(generator.Generate(500), p => Assert.Contains(generator.Producers, producer => producer.Id == p.Product.ProducerId));
    }

    [Fact]
    public void A_single_producer_still_sells_every_kind_of_product()
    {
        var generator = new DemoProductGenerator(producerCount: 1);

        var products = generator.Generate(2_000).Select(p => p.Product).ToList();

        Assert.All(products, p => Assert.Equal(generator.Producers[0].Id, p.ProducerId));
        Assert.True(products.Select(p => p.CategoryId).Distinct().Count() > 20);
    }

    [Fact]
    public void Products_serialize_as_proto3_json_and_back()
    {
        var product = new DemoProductGenerator().Create(41).Product;

        var json = JsonFormatter.Default.Format(product);

        Assert.Equal(product, JsonParser.Default.Parse<Product>(json));
        Assert.Contains("\"el\"", json, StringComparison.Ordinal);
    }
}
