namespace Dixis.Catalog.Caching;

/// <summary>This process's identity on the invalidation channel, so it skips the messages it sent itself.</summary>
public sealed class CacheInstance
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
