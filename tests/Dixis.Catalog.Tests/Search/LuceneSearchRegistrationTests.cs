using Dixis.Catalog.Search;
using Dixis.Catalog.Search.Lucene;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Tests.Search;

public sealed class LuceneSearchRegistrationTests : IDisposable
{
    private readonly string contentRoot = Path.Combine(Path.GetTempPath(), "dixis-search-host-" + Guid.NewGuid().ToString("N"));

    public LuceneSearchRegistrationTests() => Directory.CreateDirectory(contentRoot);

    public void Dispose() => Directory.Delete(contentRoot, recursive: true);

    [Fact]
    public async Task The_index_is_one_singleton_configured_from_catalog_search_lucene()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["Catalog:Search:Lucene:IndexDirectory"] = "search-index",
            ["Catalog:Search:Lucene:RamBufferSizeMb"] = "48",
        });

        var index = host.Services.GetRequiredService<IProductSearchIndex>();
        var options = host.Services.GetRequiredService<IOptions<LuceneSearchOptions>>().Value;
        await index.OpenAsync(TestContext.Current.CancellationToken);

        Assert.IsType<LuceneProductSearchIndex>(index);
        Assert.Same(index, host.Services.GetRequiredService<IProductSearchIndex>());
        Assert.Equal(Path.Combine(contentRoot, "search-index"), options.IndexDirectory);
        Assert.Equal(48, options.RamBufferSizeMb);
        Assert.True(File.Exists(Path.Combine(contentRoot, "search-index", IndexDirectoryLayout.PointerFileName)));
    }

    [Fact]
    public void Without_a_directory_the_index_lives_under_the_content_root()
    {
        using var host = Build([]);

        var options = host.Services.GetRequiredService<IOptions<LuceneSearchOptions>>().Value;

        Assert.Equal(Path.Combine(contentRoot, ".data", "search"), options.IndexDirectory);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4096")]
    public void An_out_of_range_buffer_fails_with_the_setting_named(string ramBufferSizeMb)
    {
        using var host = Build(new Dictionary<string, string?> { ["Catalog:Search:Lucene:RamBufferSizeMb"] = ramBufferSizeMb });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<LuceneSearchOptions>>().Value);

        Assert.Contains("Catalog:Search:Lucene:RamBufferSizeMb", error.Message, StringComparison.Ordinal);
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddLuceneProductSearch();
        return builder.Build();
    }
}
