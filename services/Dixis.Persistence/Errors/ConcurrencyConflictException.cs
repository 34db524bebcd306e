namespace Dixis.Persistence.Errors;

/// <summary>A write expected a version that is no longer current: someone else wrote the document first.</summary>
public sealed class ConcurrencyConflictException(string collection, string id, long expectedVersion)
    : DocumentStoreException(
        $"Document '{id}' in collection '{collection}' is no longer at version {expectedVersion}; reload it and retry.")
{
    public string Collection { get; } = collection;

    public string Id { get; } = id;

    public long ExpectedVersion { get; } = expectedVersion;
}
