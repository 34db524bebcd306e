using Dixis.Persistence.Queries;
using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace Dixis.Persistence.Mongo;

/// <summary>
/// Maps a document's JSON body to a BSON document with <c>_id</c> and <c>_version</c> beside the body's own
/// fields, so filters address fields directly (<c>available</c>, not <c>body.available</c>).
/// </summary>
internal static class MongoDocumentMapper
{
    private static readonly JsonWriterSettings RelaxedJson = new() { OutputMode = JsonOutputMode.RelaxedExtendedJson };

    public static BsonDocument ToBson(string id, long version, string json)
    {
        var body = BsonDocument.Parse(json);
        if (body.Contains(FieldPath.Id) || body.Contains(FieldPath.Version))
        {
            throw new ArgumentException($"A document body may not have top-level fields '{FieldPath.Id}' or '{FieldPath.Version}'; they are reserved for the store.", "value");
        }

        var document = new BsonDocument { { FieldPath.Id, id }, { FieldPath.Version, version } };
        document.AddRange(body);
        return document;
    }

    public static (string Id, long Version, string Json) FromBson(BsonDocument document)
    {
        var body = new BsonDocument(document.Elements.Where(e => e.Name is not FieldPath.Id and not FieldPath.Version));
        return (document[FieldPath.Id].AsString, document[FieldPath.Version].ToInt64(), body.ToJson(RelaxedJson));
    }

    /// <summary>The value at a dotted path as a scalar for page tokens (null when missing).</summary>
    public static object? ScalarAt(BsonDocument document, string path)
    {
        BsonValue current = document;
        foreach (var part in path.Split('.'))
        {
            if (current is not BsonDocument d || !d.TryGetValue(part, out current))
            {
                return null;
            }
        }

        return current.BsonType switch
        {
            BsonType.Null => null,
            BsonType.String => current.AsString,
            BsonType.Boolean => current.AsBoolean,
            BsonType.Int32 or BsonType.Int64 => current.ToInt64(),
            BsonType.Double => current.AsDouble,
            _ => throw new InvalidOperationException($"Field '{path}' holds {current.BsonType}, which cannot be sorted and paged over."),
        };
    }
}
