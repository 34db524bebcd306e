using Dixis.Contracts.Catalog.V1;
using Dixis.Services.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.Services.Tests.Catalog;

/// <summary><c>CategoryService.GetCategoryTree</c> on the real catalog service with a real SQLite file.</summary>
public sealed class CategoryTreeTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_tree_is_seeded_nested_in_greek_and_english()
    {
        await using var catalog = DixisServices.Start("catalog");
        using var channel = catalog.CreateGrpcChannel();

        var tree = await new CategoryService.CategoryServiceClient(channel)
            .GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: Cancellation);

        Assert.True(tree.Roots.Count >= 7, $"Expected the demo roots, got {tree.Roots.Count}.");
        var oliveOil = Assert.Single(tree.Roots, root => root.Category.Slug == "olive-oil");
        Assert.Equal("Ελαιόλαδο", oliveOil.Category.Name.Values["el"]);
        Assert.Equal("Olive oil", oliveOil.Category.Name.Values["en"]);
        Assert.NotEmpty(oliveOil.Children);
        Assert.All(oliveOil.Children, child => Assert.Equal(oliveOil.Category.Id, child.Category.ParentId));
        Assert.Contains(tree.Roots, root => root.Category.Name.Values["en"] == "Honey");
        Assert.Contains(tree.Roots, root => root.Category.Name.Values["en"] == "Herbs & spices");
        Assert.All(tree.Roots, root => Assert.Equal(string.Empty, root.Category.ParentId));
        Assert.Equal(Enumerable.Range(0, tree.Roots.Count), tree.Roots.Select(root => root.Category.Position));
    }

    [Fact]
    public async Task Language_code_narrows_every_text_to_that_language()
    {
        await using var catalog = DixisServices.Start("catalog");
        using var channel = catalog.CreateGrpcChannel();
        var client = new CategoryService.CategoryServiceClient(channel);

        var english = await client.GetCategoryTreeAsync(new GetCategoryTreeRequest { LanguageCode = "en" }, cancellationToken: Cancellation);
        var unknown = await client.GetCategoryTreeAsync(new GetCategoryTreeRequest { LanguageCode = "fr" }, cancellationToken: Cancellation);

        Assert.All(Flatten(english), category => Assert.Equal(["en"], category.Name.Values.Keys));
        Assert.Contains(Flatten(english), category => category.Name.Values["en"] == "Feta");

        // A language no text has falls back to the market's default, Greek.
        Assert.All(Flatten(unknown), category => Assert.Equal(["el"], category.Name.Values.Keys));
    }

    [Theory]
    [InlineData("english")]
    [InlineData("EN")]
    [InlineData("e")]
    [InlineData("en_US")]
    [InlineData("el; DROP TABLE categories")]
    public async Task Malformed_language_code_is_rejected_naming_the_field(string languageCode)
    {
        await using var catalog = DixisServices.Start("catalog");
        using var channel = catalog.CreateGrpcChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => new CategoryService.CategoryServiceClient(channel)
            .GetCategoryTreeAsync(new GetCategoryTreeRequest { LanguageCode = languageCode }, cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal("language_code", Assert.Single(badRequest.FieldViolations).Field);
        Assert.Equal("INVALID_FIELD", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task Replicas_seeding_the_same_store_at_once_do_not_duplicate_categories()
    {
        var dataDirectory = TemporaryDirectory.Create();
        try
        {
            var replicas = Enumerable.Range(0, 3).Select(_ => DixisServices.Start("catalog", new ServiceSettings(dataDirectory))).ToArray();
            try
            {
                // Start all replicas concurrently: each seeds on start.
                var channels = await Task.WhenAll(replicas.Select(replica => Task.Run(replica.CreateGrpcChannel, Cancellation)));
                var trees = await Task.WhenAll(channels.Select(channel => new CategoryService.CategoryServiceClient(channel)
                    .GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: Cancellation).ResponseAsync));

                var expected = Flatten(trees[0]).Select(category => category.Id).Order().ToArray();
                Assert.Equal(expected.Distinct().Count(), expected.Length);
                Assert.Equal(Flatten(trees[0]).Select(c => c.Slug).Distinct().Count(), expected.Length);
                Assert.All(trees, tree => Assert.Equal(expected, Flatten(tree).Select(category => category.Id).Order()));
                foreach (var channel in channels)
                {
                    channel.Dispose();
                }
            }
            finally
            {
                foreach (var replica in replicas)
                {
                    await replica.DisposeAsync();
                }
            }

            // A restart on the same store seeds nothing more.
            await using var restarted = DixisServices.Start("catalog", new ServiceSettings(dataDirectory));
            using var restartedChannel = restarted.CreateGrpcChannel();
            var again = await new CategoryService.CategoryServiceClient(restartedChannel)
                .GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: Cancellation);
            Assert.Equal(DemoCategoryCount, Flatten(again).Count());
        }
        finally
        {
            TemporaryDirectory.Delete(dataDirectory);
        }
    }

    [Fact]
    public async Task Nothing_is_seeded_when_demo_data_is_off()
    {
        await using var catalog = DixisServices.Start("catalog", new ServiceSettings { Values = { ["Catalog:SeedDemoData"] = "false" } });
        using var channel = catalog.CreateGrpcChannel();

        var tree = await new CategoryService.CategoryServiceClient(channel)
            .GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: Cancellation);

        Assert.Empty(tree.Roots);
    }

    /// <summary>8 roots and 27 children in the demo tree.</summary>
    private const int DemoCategoryCount = 35;

    private static IEnumerable<Category> Flatten(CategoryTree tree) => tree.Roots.SelectMany(Flatten);

    private static IEnumerable<Category> Flatten(CategoryNode node) => node.Children.SelectMany(Flatten).Prepend(node.Category);
}
