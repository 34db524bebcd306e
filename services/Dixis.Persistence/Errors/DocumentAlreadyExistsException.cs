namespace Dixis.Persistence.Errors;

/// <summary>An insert used an id that is already taken in the collection.</summary>
public sealed class DocumentAlreadyExistsException(string collection, string id, Exception? innerException = null)
    : DocumentStoreException($"A document with id '{id}' already exists in collection '{collection}'.", innerException)
{
    public string Collection { get; } = collection;

    public string Id { get; } = id;
}
