namespace Dixis.Catalog.Search;

/// <summary>A search cursor that the engine did not issue, or issued for another sort.</summary>
public sealed class InvalidSearchCursorException(string message) : Exception(message);
