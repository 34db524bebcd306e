namespace Dixis.Persistence.Tests.Model;

/// <summary>A small document shaped like the services' records (serialized camelCase).</summary>
public sealed record StockItem(string Sku, string Name, long Available, long Price, string? Category = null, bool Active = true);
