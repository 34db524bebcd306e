namespace Dixis.Catalog.DemoData.Tests.DemoData;

public sealed class DemoProducersTests
{
    [Fact]
    public void The_default_set_has_at_least_thirty_distinct_producers()
    {
        var producers = DemoProducers.Create();

        Assert.True(producers.Count >= 30, $"Only {producers.Count} demo producers.");
        Assert.Equal(DemoProducers.DefaultCount, producers.Count);
        Assert.Equal(producers.Count, producers.Select(p => p.Slug).Distinct().Count());
        Assert.Equal(producers.Count, producers.Select(p => p.Id).Distinct().Count());
        Assert.Equal(producers.Count, producers.Select(p => p.DisplayName).Distinct().Count());
    }

    [Fact]
    public void Every_producer_is_complete_in_greek_and_english_and_ships_from_greece()
    {
        foreach (var producer in DemoProducers.Create())
        {
            Assert.Matches(ContractRules.Slug(), producer.Slug);
            Assert.InRange(producer.DisplayName.Length, 3, 200);
            Assert.Equal(["el", "en"], producer.Description.Values.Keys.Order());
            Assert.Equal(["el", "en"], producer.Region.Values.Keys.Order());
            Assert.Matches("^[0-9]{5}$", producer.OriginPostalCode);
            Assert.Equal("GR", producer.OriginRegionCode);
            Assert.StartsWith("https://", producer.LogoUri, StringComparison.Ordinal);
            Assert.Equal(DemoProducerId.For(producer.Slug), producer.Id);
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", producer.Id);
        }
    }

    [Theory]
    [InlineData("Κρήτη", '7')]
    [InlineData("Θεσσαλονίκη", '5')]
    [InlineData("Αττική", '1')]
    [InlineData("Λέσβος", '8')]
    [InlineData("Νάξος", '8')]
    [InlineData("Ήπειρος", '4')]
    public void Postal_codes_have_the_shape_of_their_region(string region, char firstDigit)
    {
        var inRegion = DemoProducers.Create().Where(p => p.Region.Values["el"] == region).ToList();

        Assert.NotEmpty(inRegion);
        Assert.All(inRegion, p => Assert.Equal(firstDigit, p.OriginPostalCode[0]));
    }

    [Fact]
    public void Asking_for_more_than_the_base_list_numbers_copies()
    {
        var producers = DemoProducers.Create(100);

        Assert.Equal(100, producers.Count);
        Assert.Equal(100, producers.Select(p => p.Slug).Distinct().Count());
        Assert.Equal(DemoProducers.Create().Select(p => p.Slug), producers.Take(DemoProducers.DefaultCount).Select(p => p.Slug));
        Assert.Equal($"{producers[0].Slug}-2", producers[DemoProducers.DefaultCount].Slug);
        Assert.Equal($"{producers[0].Slug}-3", producers[2 * DemoProducers.DefaultCount].Slug);
    }

    [Fact]
    public void The_list_is_deterministic()
    {
        Assert.Equal(DemoProducers.Create(50), DemoProducers.Create(50));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void At_least_one_producer_is_asked_for(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoProducers.Create(count));
    }
}
