using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.DemoData;

/// <summary>
/// One generated product as the contract writes it (ids of demo categories and demo producers), with the stock
/// each of its SKUs starts with (0: sold out). Stock is not part of <see cref="Product"/>: it is set through
/// <c>InventoryService.AdjustStock</c> after the product exists.
/// </summary>
public sealed record DemoProduct(Product Product, IReadOnlyDictionary<string, long> StockBySku);
