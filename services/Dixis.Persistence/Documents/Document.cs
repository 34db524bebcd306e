namespace Dixis.Persistence.Documents;

/// <summary>A stored document: its opaque id, its version for optimistic concurrency, and its value.</summary>
/// <remarks>The version starts at 1 on insert and grows by one on every successful write.</remarks>
public sealed record Document<T>(string Id, long Version, T Value);
