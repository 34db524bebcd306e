namespace Dixis.Persistence.Errors;

/// <summary>Base of the typed errors the document store raises for expected conflicts.</summary>
public abstract class DocumentStoreException(string message, Exception? innerException = null)
    : Exception(message, innerException);
