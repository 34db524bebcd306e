using Dixis.Persistence.Documents;

namespace Dixis.Persistence.Queries;

/// <summary>One page of query results; <see cref="NextPageToken"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<Document<T>> Items, string? NextPageToken);
