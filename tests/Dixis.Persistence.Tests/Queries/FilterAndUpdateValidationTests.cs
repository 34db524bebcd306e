using Dixis.Persistence.Definitions;
using Dixis.Persistence.Queries;
using Dixis.Persistence.Tests.Model;

namespace Dixis.Persistence.Tests.Queries;

/// <summary>Bad filters, updates and declarations fail where they are written, with the offending name in the message.</summary>
public sealed class FilterAndUpdateValidationTests
{
    [Theory]
    [InlineData("bad field")]
    [InlineData("price.")]
    [InlineData("1price")]
    [InlineData("price'); DROP TABLE stock; --")]
    public void A_malformed_field_path_is_refused(string field)
    {
        var error = Assert.Throws<ArgumentException>(() => Filter.Eq(field, 1));

        Assert.Contains("is not a valid path", error.Message, StringComparison.Ordinal);
        Assert.Equal("field", error.ParamName);
    }

    [Fact]
    public void Values_that_engines_store_differently_are_refused()
    {
        var decimalValue = Assert.Throws<ArgumentException>(() => Filter.Eq("price", 1.5m));
        var dateValue = Assert.Throws<ArgumentException>(() => Update.Set("at", DateTimeOffset.UnixEpoch));

        Assert.Contains("Decimal is not supported", decimalValue.Message, StringComparison.Ordinal);
        Assert.Contains("DateTimeOffset is not supported", dateValue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_version_field_cannot_be_updated_and_a_field_cannot_change_twice()
    {
        var version = Assert.Throws<ArgumentException>(() => Update.Inc(FieldPath.Version, 1));
        var twice = Assert.Throws<ArgumentException>(() => Update.Combine(Update.Inc("price", 1), Update.Set("price", 2)));
        var overlap = Assert.Throws<ArgumentException>(() => Update.Combine(Update.Set("price.amount", 1), Update.Set("price", 2)));

        Assert.Contains("reserved", version.Message, StringComparison.Ordinal);
        Assert.Contains("'price' overlaps 'price'", twice.Message, StringComparison.Ordinal);
        Assert.Contains("'price' overlaps 'price.amount'", overlap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_that_changes_nothing_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Update.Combine());

        Assert.Equal("updates", error.ParamName);
    }

    [Fact]
    public void An_empty_or_oversized_in_list_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Filter.In("category", []));
        Assert.Throws<ArgumentException>(() => Filter.In("category", Enumerable.Range(0, 1001).Cast<object?>()));
    }

    [Fact]
    public void Declarations_refuse_bad_names_duplicates_and_unknown_lookups()
    {
        Assert.Throws<ArgumentException>(() => new DocumentStoreBuilder("Catalog"));
        Assert.Throws<ArgumentException>(() => new DocumentStoreBuilder("catalog").Collection<StockItem>("_outbox"));
        Assert.Throws<ArgumentException>(() => new DocumentStoreBuilder("catalog").Collection<StockItem>("a").Collection<StockItem>("a"));
        Assert.Throws<ArgumentException>(() => new DocumentStoreBuilder("catalog").Collection<StockItem>("a", c => c.Index()));

        var unknown = Assert.Throws<InvalidOperationException>(() => TestCollections.Definition.Find<StockItem>("orders"));
        var wrongType = Assert.Throws<InvalidOperationException>(() => TestCollections.Definition.Find<string>(TestCollections.Stock));

        Assert.Contains("'orders' is not declared", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("holds StockItem documents, not String", wrongType.Message, StringComparison.Ordinal);
    }
}
