using Dixis.Catalog.Search;
using static Dixis.Catalog.Tests.Search.SampleCatalog;

namespace Dixis.Catalog.Tests.Search;

public sealed class TextMatchingTests : SampleCatalogTests
{
    [Theory]
    [InlineData("ελαιολαδο", "p-oil-crete")]
    [InlineData("ΕΛΑΙΟΛΑΔΟ", "p-oil-laconia")]
    [InlineData("ΜΕΛΙ", "p-honey-thyme")]
    [InlineData("Μέλι", "p-honey-pine")] // through its category, Μέλι
    [InlineData("feta", "p-feta")]
    [InlineData("FETA", "p-feta")]
    [InlineData("φετα", "p-feta")]
    [InlineData("rose", "p-wine-rose")]
    [InlineData("ροζε", "p-wine-rose")]
    [InlineData("σαντορινη", "p-wine-assyrtiko")]
    public async Task Case_and_accents_do_not_matter(string text, string expected)
    {
        Assert.Contains(expected, await Index.IdsAsync(text));
    }

    [Theory]
    [InlineData("ελιά", "el", "p-olives-kalamata")]
    [InlineData("ελιών", "el", "p-olives-kalamata")]
    [InlineData("ελιές", "el", "p-olive-paste")]
    [InlineData("θυμαρίσια", "el", "p-honey-thyme")]
    [InlineData("olive", "en", "p-olives-kalamata")]
    [InlineData("olives", "en", "p-oil-crete")]
    [InlineData("honeys", "en", "p-honey-thyme")]
    [InlineData("wines", "en", "p-wine-assyrtiko")]
    public async Task Other_forms_of_a_word_find_the_product(string text, string language, string expected)
    {
        Assert.Contains(expected, await Index.IdsAsync(text, language));
    }

    [Theory]
    [InlineData("fetta", "p-feta")]
    [InlineData("ελαιολδο", "p-oil-crete")]
    [InlineData("thime", "p-honey-thyme")]
    [InlineData("thime", "p-thyme")]
    [InlineData("asyrtiko", "p-wine-assyrtiko")]
    [InlineData("καλαμτας", "p-olives-kalamata")]
    [InlineData("chese", "p-feta")] // its category, Cheese
    [InlineData("santorinni", "p-wine-assyrtiko")] // its origin, Santorini
    [InlineData("μελισοκομια", "p-honey-pine")] // its producer
    public async Task A_misspelled_word_still_finds_the_product(string text, string expected)
    {
        Assert.Contains(expected, await Index.IdsAsync(text));
    }

    [Fact]
    public async Task Exact_matches_rank_above_typo_matches()
    {
        // "pine" is one letter away from "wine": the wines are found, but after the pine honey.
        var ids = await Index.IdsAsync("pine", "en");

        Assert.Equal("p-honey-pine", ids[0]);
        Assert.Contains("p-wine-assyrtiko", ids);
        Assert.Contains("p-wine-rose", ids);
    }

    [Fact]
    public async Task A_word_many_products_contain_is_taken_as_typed()
    {
        // With pine products aplenty, "pine" is a word, not a typo for "wine".
        IReadOnlyList<ProductSearchDocument> pines =
        [
            Product("p-pine-nuts", "Κουκουνάρι", "Pine nuts", Herbs, CretanGrove, [900], publishedDay: 20),
            Product("p-pine-resin", "Ρετσίνι", "Pine resin", Herbs, CretanGrove, [600], publishedDay: 21),
        ];
        await Index.Index.UpsertAsync(pines, TestContext.Current.CancellationToken);
        await Index.Index.RefreshAsync(TestContext.Current.CancellationToken);

        var ids = await Index.IdsAsync("pine", "en");

        Assert.Equal(["p-honey-pine", "p-pine-nuts", "p-pine-resin"], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_product_that_matches_more_words_exactly_ranks_first()
    {
        var ids = await Index.IdsAsync("olive oil crete");

        Assert.Equal(["p-oil-crete"], ids);
    }

    [Fact]
    public async Task Every_word_must_match_somewhere()
    {
        Assert.Equal(["p-honey-thyme"], await Index.IdsAsync("thyme honey"));
        Assert.Equal(["p-feta"], await Index.IdsAsync("feta epirus"));
        Assert.Empty(await Index.IdsAsync("feta santorini"));
        Assert.Empty(await Index.IdsAsync("feta xq"));
    }

    [Fact]
    public async Task Brand_producer_category_and_attribute_labels_are_searchable()
    {
        Assert.Equal(["p-feta"], await Index.IdsAsync("dodoni"));
        Assert.Equal(["p-wine-assyrtiko", "p-wine-rose"], (await Index.IdsAsync("santo wines")).Order());
        Assert.Contains("p-feta", await Index.IdsAsync("cheese"));
        Assert.Contains("p-feta", await Index.IdsAsync("τυρια"));
        Assert.Equal(["p-oil-crete", "p-oil-laconia"], (await Index.IdsAsync("organic")).Order());
        Assert.Contains("p-wine-assyrtiko", await Index.IdsAsync("ΠΟΠ"));
    }

    [Fact]
    public async Task Stop_words_are_not_required()
    {
        Assert.Equal(["p-honey-thyme"], await Index.IdsAsync("honey with thyme"));
        Assert.Contains("p-feta", await Index.IdsAsync("η φέτα"));
    }

    [Fact]
    public async Task A_language_restricts_matching_to_its_texts()
    {
        Assert.Contains("p-honey-thyme", await Index.IdsAsync("honey", "en"));
        Assert.Empty(await Index.IdsAsync("honey", "el"));
        Assert.Contains("p-honey-thyme", await Index.IdsAsync("μέλι", "el"));
        Assert.Empty(await Index.IdsAsync("μέλι", "en"));
        Assert.Contains("p-honey-thyme", await Index.IdsAsync("honey", language: null));
        Assert.Contains("p-honey-thyme", await Index.IdsAsync("μέλι", language: null));

        // A language without its own analysis searches every language.
        Assert.Contains("p-honey-thyme", await Index.IdsAsync("honey", "de"));
        Assert.Contains("p-honey-thyme", await Index.IdsAsync("μέλι", "de"));
    }

    [Fact]
    public async Task An_empty_text_matches_every_product()
    {
        var result = await Index.SearchAsync(new ProductSearchQuery { PageSize = 100 });

        Assert.Equal(All.Count, result.TotalCount);
        Assert.Equal(All.Count, result.Hits.Count);
    }

    [Theory]
    [InlineData("*:*")]
    [InlineData("\"")]
    [InlineData("\\")]
    [InlineData("(")]
    [InlineData("+-&&||!(){}[]^\"~*?:\\/")]
    public async Task Query_syntax_alone_is_no_words_and_matches_everything(string text)
    {
        var result = await Index.SearchAsync(new ProductSearchQuery { Text = text, PageSize = 100 });

        Assert.Equal(All.Count, result.TotalCount);
    }

    [Theory]
    [InlineData("feta AND (")]
    [InlineData("\"feta\"")]
    [InlineData("feta*")]
    [InlineData("\\feta")]
    [InlineData("feta~")]
    [InlineData("feta^")]
    [InlineData("(feta)")]
    [InlineData("+feta -epirus")]
    public async Task Query_syntax_around_words_is_read_as_plain_text(string text)
    {
        Assert.Contains("p-feta", await Index.IdsAsync(text));
    }

    [Fact]
    public async Task Operators_are_words_not_operators()
    {
        // "AND" is searched as the word "and" (the only word, so it is kept although a stop word), not as a conjunction:
        // it is in "Salt and pepper blend" and in the category "Herbs and spices".
        Assert.Equal(["p-salt-pepper", "p-thyme"], await Index.IdsAsync("AND ("));

        // A field prefix is part of the word, not a field: nothing is named "title:feta".
        Assert.Empty(await Index.IdsAsync("title:feta"));
        Assert.Empty(await Index.IdsAsync("id:p-feta"));
    }
}
