namespace Dixis.Persistence.Errors;

/// <summary>A write would give two documents the same value of a unique index (e.g. the same e-mail or slug).</summary>
public sealed class UniqueIndexViolationException(string collection, string index, Exception? innerException = null)
    : DocumentStoreException($"Another document in collection '{collection}' already has the same value of unique index '{index}'.", innerException)
{
    public string Collection { get; } = collection;

    /// <summary>The index's name, <c>ux_&lt;collection&gt;_&lt;fields&gt;</c>.</summary>
    public string Index { get; } = index;
}
