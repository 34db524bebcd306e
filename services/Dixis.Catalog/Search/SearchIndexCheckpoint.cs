namespace Dixis.Catalog.Search;

/// <summary>How far an index reflects the store, stored with each commit.</summary>
/// <param name="SyncedThroughMs">Every store change stamped at or before this Unix time (ms) is in the index.</param>
public sealed record SearchIndexCheckpoint(long SyncedThroughMs);
