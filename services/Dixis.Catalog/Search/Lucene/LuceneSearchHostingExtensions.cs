using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>Registers the embedded Lucene.Net product index: <c>builder.AddLuceneProductSearch()</c>.</summary>
public static class LuceneSearchHostingExtensions
{
    /// <summary>
    /// Binds <see cref="LuceneSearchOptions"/> from <c>Catalog:Search:Lucene</c> (validated at start; the index directory
    /// defaults to <c>&lt;ContentRootPath&gt;/.data/search</c>) and registers <see cref="LuceneProductSearchIndex"/> as the
    /// singleton <see cref="IProductSearchIndex"/>. The index is opened by whoever synchronises it (<see cref="IProductSearchIndex.OpenAsync"/>)
    /// and disposed with the container.
    /// </summary>
    /// <param name="builder">The catalog service's host builder.</param>
    /// <param name="configure">Adjusts the options after configuration is bound, e.g. in tests.</param>
    public static IHostApplicationBuilder AddLuceneProductSearch(this IHostApplicationBuilder builder, Action<LuceneSearchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<LuceneSearchOptions>().BindConfiguration(LuceneSearchOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options
            .PostConfigure<IHostEnvironment>((search, environment) =>
                search.IndexDirectory = string.IsNullOrWhiteSpace(search.IndexDirectory)
                    ? Path.Combine(environment.ContentRootPath, ".data", "search")
                    : Path.GetFullPath(search.IndexDirectory, environment.ContentRootPath))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IProductSearchIndex, LuceneProductSearchIndex>();
        return builder;
    }
}
