namespace Dixis.Persistence.Documents;

/// <summary>Validates document ids: opaque, non-empty strings of at most 256 characters.</summary>
internal static class DocumentId
{
    public const int MaxLength = 256;

    public static string Validate(string id, string parameterName = "id")
    {
        ArgumentException.ThrowIfNullOrEmpty(id, parameterName);
        return id.Length <= MaxLength
            ? id
            : throw new ArgumentException($"Document id is {id.Length} characters long; the maximum is {MaxLength}.", parameterName);
    }
}
