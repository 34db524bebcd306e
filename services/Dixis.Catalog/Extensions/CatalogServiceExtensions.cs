using Dixis.Catalog.Model;
using Dixis.Catalog.Repositories;
using Dixis.Catalog.Seeding;
using Dixis.Persistence.Hosting;

namespace Dixis.Catalog.Extensions;

/// <summary>Everything the catalog service needs besides the shared service defaults.</summary>
public static class CatalogServiceExtensions
{
    public const string ServiceName = "catalog";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogOptions>()
            .BindConfiguration(CatalogOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddDocumentStore(ServiceName, store => store
            .Collection<CategoryRecord>(CategoryRepository.CollectionName, categories => categories
                .Index("parentId", "position")
                .Json(CatalogJsonContext.Default.CategoryRecord)));

        builder.Services.AddSingleton<CategoryRepository>();
        builder.Services.AddSingleton<CategoryTreeReader>();
        builder.Services.AddHostedService<DemoCatalogSeeder>();

        return builder;
    }
}
