using Dixis.Catalog.Search;
using static Dixis.Catalog.Tests.Search.SampleCatalog;

namespace Dixis.Catalog.Tests.Search;

public sealed class SuggestionTests : SampleCatalogTests
{
    /// <summary>A product named in English only.</summary>
    protected override IReadOnlyList<ProductSearchDocument> ExtraProducts =>
        [Product("p-sea-salt", nameEl: null, "Sea salt flakes", Herbs, CretanGrove, [300], publishedDay: 12)];

    [Fact]
    public async Task A_prefix_completes_words_of_product_names_folded()
    {
        var suggestions = await Index.Index.SuggestAsync("ελαιολ", "el", 10, TestContext.Current.CancellationToken);

        Assert.Equal(
            ["Βιολογικό ελαιόλαδο Λακωνίας", "Εξαιρετικό παρθένο ελαιόλαδο Κρήτης"],
            suggestions.Select(suggestion => suggestion.Text).Order(StringComparer.Ordinal));
        Assert.Contains(suggestions, suggestion => suggestion is { ProductId: "p-oil-crete", Slug: "oil-crete" });
    }

    [Fact]
    public async Task Names_that_start_with_the_prefix_come_first()
    {
        var suggestions = await Index.Index.SuggestAsync("Oli", "en", 10, TestContext.Current.CancellationToken);

        Assert.Equal("Olive paste with oregano", suggestions[0].Text);
        Assert.Equal(
            ["Cretan extra virgin olive oil", "Kalamata olives", "Olive paste with oregano", "Organic olive oil from Laconia"],
            suggestions.Select(suggestion => suggestion.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Earlier_words_must_be_whole_words_and_the_last_a_prefix()
    {
        var suggestions = await Index.Index.SuggestAsync("olive oil fr", "en", 10, TestContext.Current.CancellationToken);

        Assert.Equal(["Organic olive oil from Laconia"], suggestions.Select(suggestion => suggestion.Text));
        Assert.Empty(await Index.Index.SuggestAsync("oliv oil", "en", 10, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_name_is_shown_in_the_language_typed_in()
    {
        var english = await Index.Index.SuggestAsync("thym", "en", 10, TestContext.Current.CancellationToken);
        var greek = await Index.Index.SuggestAsync("ΘΥΜ", "el", 10, TestContext.Current.CancellationToken);
        var either = await Index.Index.SuggestAsync("thym", language: null, 10, TestContext.Current.CancellationToken);

        Assert.Equal(["Dried thyme", "Thyme honey"], english.Select(suggestion => suggestion.Text).Order(StringComparer.Ordinal));
        Assert.Equal(["Θυμάρι αποξηραμένο", "Θυμαρίσιο μέλι"], greek.Select(suggestion => suggestion.Text).Order(StringComparer.Ordinal));
        Assert.Equal(["Dried thyme", "Thyme honey"], either.Select(suggestion => suggestion.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_language_without_names_falls_back_to_greek_then_any()
    {
        var feta = await Index.Index.SuggestAsync("feta", "de", 10, TestContext.Current.CancellationToken);
        var salt = await Index.Index.SuggestAsync("sea", "de", 10, TestContext.Current.CancellationToken);

        Assert.Equal(["Φέτα ΠΟΠ Ηπείρου"], feta.Select(suggestion => suggestion.Text));
        Assert.Equal(["Sea salt flakes"], salt.Select(suggestion => suggestion.Text));
    }

    [Fact]
    public async Task The_count_is_capped_and_nothing_typed_suggests_nothing()
    {
        Assert.Equal(2, (await Index.Index.SuggestAsync("o", "en", 2, TestContext.Current.CancellationToken)).Count);
        Assert.Empty(await Index.Index.SuggestAsync("  ", "en", 5, TestContext.Current.CancellationToken));
        Assert.Empty(await Index.Index.SuggestAsync("*:*", null, 5, TestContext.Current.CancellationToken));
    }
}
