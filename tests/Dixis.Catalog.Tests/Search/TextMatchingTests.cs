using Dixis.Catalog.Search;
using static Dixis.Catalog.Tests.Search.SampleCatalog;

namespace Dixis.Catalog.Tests.Search;

public sealed class TextMatchingTests : IAsyncLifetime
{
    private TemporarySearchIndex index = null!;

    public async ValueTask InitializeAsync() => index = await TemporarySearchIndex.OpenAsync(All);

    public ValueTask DisposeAsync() => index.DisposeAsync();

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
        Assert.Contains(expected, await index.IdsAsync(text));
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
        Assert.Contains(expected, await index.IdsAsync(text, language));
    }

    [Theory]
    [InlineData("fetta", "p-feta")]
    [InlineData("ελαιολδο", "p-oil-crete")]
    [InlineData("thime", "p-honey-thyme")]
    [InlineData("thime", "p-thyme")]
    [InlineData("asyrtiko", "p-wine-assyrtiko")]
    [InlineData("καλαμτας", "p-olives-kalamata")]
    public async Task A_misspelled_word_still_finds_the_product(string text, string expected)
    {
        Assert.Contains(expected, await index.IdsAsync(text));
    }

    [Fact]
    public async Task Exact_matches_rank_above_typo_matches()
    {
        // "pine" is one letter away from "wine": the wines are found, but after the pine honey.
        var ids = await index.IdsAsync("pine", "en");

        Assert.Equal("p-honey-pine", ids[0]);
        Assert.Contains("p-wine-assyrtiko", ids);
        Assert.Contains("p-wine-rose", ids);
    }

    [Fact]
    public async Task A_product_that_matches_more_words_exactly_ranks_first()
    {
        var ids = await index.IdsAsync("olive oil crete");

        Assert.Equal(["p-oil-crete"], ids);
    }

    [Fact]
    public async Task Every_word_must_match_somewhere()
    {
        Assert.Equal(["p-honey-thyme"], await index.IdsAsync("thyme honey"));
        Assert.Equal(["p-feta"], await index.IdsAsync("feta epirus"));
        Assert.Empty(await index.IdsAsync("feta santorini"));
    }

    [Fact]
    public async Task Brand_producer_category_and_attribute_labels_are_searchable()
    {
        Assert.Equal(["p-feta"], await index.IdsAsync("dodoni"));
        Assert.Equal(["p-wine-assyrtiko", "p-wine-rose"], (await index.IdsAsync("santo wines")).Order());
        Assert.Contains("p-feta", await index.IdsAsync("cheese"));
        Assert.Contains("p-feta", await index.IdsAsync("τυρια"));
        Assert.Equal(["p-oil-crete", "p-oil-laconia"], (await index.IdsAsync("organic")).Order());
        Assert.Contains("p-wine-assyrtiko", await index.IdsAsync("ΠΟΠ"));
    }

    [Fact]
    public async Task Stop_words_are_not_required()
    {
        Assert.Equal(["p-honey-thyme"], await index.IdsAsync("honey with thyme"));
        Assert.Contains("p-feta", await index.IdsAsync("η φέτα"));
    }

    [Fact]
    public async Task A_language_restricts_matching_to_its_texts()
    {
        Assert.Contains("p-honey-thyme", await index.IdsAsync("honey", "en"));
        Assert.Empty(await index.IdsAsync("honey", "el"));
        Assert.Contains("p-honey-thyme", await index.IdsAsync("μέλι", "el"));
        Assert.Empty(await index.IdsAsync("μέλι", "en"));
        Assert.Contains("p-honey-thyme", await index.IdsAsync("honey", language: null));
        Assert.Contains("p-honey-thyme", await index.IdsAsync("μέλι", language: null));
    }

    [Fact]
    public async Task An_empty_text_matches_every_product()
    {
        var result = await index.SearchAsync(new ProductSearchQuery { PageSize = 100 });

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
        var result = await index.SearchAsync(new ProductSearchQuery { Text = text, PageSize = 100 });

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
        Assert.Contains("p-feta", await index.IdsAsync(text));
    }

    [Fact]
    public async Task Operators_are_words_not_operators()
    {
        // "AND" is searched as the word "and" (the only word, so it is kept although a stop word), not as a conjunction:
        // it is in "Salt and pepper blend" and in the category "Herbs and spices".
        Assert.Equal(["p-salt-pepper", "p-thyme"], await index.IdsAsync("AND ("));

        // A field prefix is part of the word, not a field: nothing is named "title:feta".
        Assert.Empty(await index.IdsAsync("title:feta"));
        Assert.Empty(await index.IdsAsync("id:p-feta"));
    }
}
