namespace Dixis.Catalog.DemoData.Tests.DemoData;

public sealed class DemoCategoryTreeTests
{
    [Theory]
    [InlineData("olive-oil", "9e0f868f-5920-817d-9386-312802f6414a")]
    [InlineData("olive-oil/extra-virgin-olive-oil", "c59af74d-fa99-8c5c-9967-0a5358a53490")]
    public void Category_ids_are_the_ones_stores_seeded_before_the_move(string path, string id)
    {
        // Catalogs already seeded keep their ids: the library computes them exactly as the service did.
        Assert.Equal(id, DemoCategoryId.For(path));
    }

    [Fact]
    public void Leaves_are_every_category_without_children_with_its_path()
    {
        var leaves = DemoCategoryTree.Leaves;

        Assert.Equal(27, leaves.Count);
        Assert.All(leaves, leaf => Assert.Empty(leaf.Category.Children));
        Assert.Contains(leaves, leaf => leaf.Path == "honey/thyme-honey" && leaf.RootSlug == "honey");
        Assert.Equal(leaves.Count, leaves.Select(leaf => leaf.Id).Distinct().Count());
        Assert.Equal(DemoCategoryTree.Roots.Select(root => root.Slug), leaves.Select(leaf => leaf.RootSlug).Distinct());
    }
}
