namespace Dixis.Persistence.Serialization;

/// <summary>
/// Turns a document value into a JSON object and back. Filters and updates address the JSON property
/// names this serializer writes, and fields used in numeric filters or increments must be JSON numbers.
/// </summary>
public interface IDocumentSerializer<T>
{
    /// <summary>The value as a JSON object (not an array or scalar).</summary>
    string Serialize(T value);

    T Deserialize(string json);
}
