namespace Dixis.Persistence.Errors;

/// <summary>A write addressed a document id that does not exist.</summary>
public sealed class DocumentNotFoundException(string collection, string id)
    : DocumentStoreException($"No document with id '{id}' exists in collection '{collection}'.")
{
    public string Collection { get; } = collection;

    public string Id { get; } = id;
}
