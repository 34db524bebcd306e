namespace Dixis.Catalog.Loading;

/// <summary>A load cannot go on; the message says what is wrong with the target catalog and what to do about it.</summary>
public sealed class CatalogLoadException(string message, Exception? inner = null) : Exception(message, inner);
