using Dixis.Catalog.Model;

namespace Dixis.Catalog.Products;

/// <summary>A validated product about to be stored, with the id the server chose for it.</summary>
public sealed record NewProduct(string Id, ProductRecord Record);
