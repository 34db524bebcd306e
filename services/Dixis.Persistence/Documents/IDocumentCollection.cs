using Dixis.Persistence.Queries;
using Dixis.Persistence.Transactions;

namespace Dixis.Persistence.Documents;

/// <summary>
/// A collection of documents of one type, keyed by an opaque string id. Every write checks or bumps the
/// document's version, so lost updates are impossible by construction.
/// </summary>
public interface IDocumentCollection<T>
{
    /// <summary>The collection's name (a table in SQLite, a collection in MongoDB).</summary>
    string Name { get; }

    /// <summary>The document with this id, or null when there is none.</summary>
    Task<Document<T>?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new document at version 1.</summary>
    /// <exception cref="Errors.DocumentAlreadyExistsException">A document with this id exists.</exception>
    /// <exception cref="Errors.UniqueIndexViolationException">Another document holds the same value of a unique index.</exception>
    Task<Document<T>> InsertAsync(string id, T value, CancellationToken cancellationToken = default);

    /// <summary>Replaces the document if it is still at <paramref name="expectedVersion"/>; the new version is one higher.</summary>
    /// <exception cref="Errors.ConcurrencyConflictException">The stored version differs (someone else wrote first).</exception>
    /// <exception cref="Errors.DocumentNotFoundException">There is no document with this id.</exception>
    Task<Document<T>> ReplaceAsync(string id, T value, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Deletes the document; with an expected version only if it still has that version.</summary>
    /// <returns>true when a document was deleted, false when there was none.</returns>
    /// <exception cref="Errors.ConcurrencyConflictException">The document exists at another version.</exception>
    Task<bool> DeleteAsync(string id, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Documents matching the query's filter over declared indexed fields, in the query's order, one page at
    /// a time. Follow <see cref="Page{T}.NextPageToken"/> until it is null to see every match exactly once.
    /// </summary>
    /// <exception cref="ArgumentException">Page size out of range, malformed page token, or a field that is not indexed.</exception>
    Task<Page<T>> QueryAsync(Query query, CancellationToken cancellationToken = default);

    /// <summary>The number of documents matching <paramref name="filter"/> (over declared indexed fields; null counts all).</summary>
    /// <exception cref="ArgumentException">A field that is not indexed.</exception>
    Task<long> CountAsync(Filter? filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="update"/> to the document only if <paramref name="condition"/> holds, as one
    /// atomic operation on the server (never read-modify-write), and bumps the version.
    /// Example: take one unit of stock only while <c>available &gt;= 1</c>.
    /// </summary>
    /// <returns>true when the update was applied; false when the document is missing or the condition did not hold.</returns>
    Task<bool> UpdateIfAsync(string id, Filter condition, Update update, CancellationToken cancellationToken = default);

    /// <summary>A view of this collection whose operations join <paramref name="transaction"/>.</summary>
    IDocumentCollection<T> In(ITransaction transaction);
}
