using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Dixis.Persistence.Queries;
using Dixis.Persistence.Serialization;

namespace Dixis.Persistence.Definitions;

/// <summary>Declares a collection's indexes, shard key and serializer.</summary>
public sealed class CollectionBuilder<T>(string name)
{
    private readonly List<IndexDefinition> indexes = [];
    private ShardKeyDefinition shardKey = ShardKeyDefinition.HashedId;
    private IDocumentSerializer<T> serializer = new JsonDocumentSerializer<T>();

    /// <summary>An index over <paramref name="fields"/>; queries may filter and sort only on indexed fields.</summary>
    public CollectionBuilder<T> Index(params string[] fields) => AddIndex(fields, unique: false);

    /// <summary>
    /// A unique index: no two documents share these values (<see cref="Errors.UniqueIndexViolationException"/>).
    /// Documents whose fields are missing or null are not constrained; unique fields should be strings.
    /// </summary>
    public CollectionBuilder<T> UniqueIndex(params string[] fields) => AddIndex(fields, unique: true);

    /// <summary>The MongoDB shard key this collection is meant for (default: hashed id).</summary>
    public CollectionBuilder<T> ShardKey(string field, bool hashed = false)
    {
        shardKey = new ShardKeyDefinition(FieldPath.Validate(field, nameof(field), allowId: true), hashed);
        return this;
    }

    /// <summary>Serialize with System.Text.Json and these options.</summary>
    public CollectionBuilder<T> Json(JsonSerializerOptions options) => Serializer(new JsonDocumentSerializer<T>(options));

    /// <summary>Serialize with source-generated System.Text.Json metadata.</summary>
    public CollectionBuilder<T> Json(JsonTypeInfo<T> typeInfo) => Serializer(new JsonDocumentSerializer<T>(typeInfo));

    /// <summary>Serialize with a custom serializer (e.g. protobuf's JSON format).</summary>
    public CollectionBuilder<T> Serializer(IDocumentSerializer<T> documentSerializer)
    {
        serializer = documentSerializer ?? throw new ArgumentNullException(nameof(documentSerializer));
        return this;
    }

    internal CollectionDefinition<T> Build() => new(name, [.. indexes], shardKey, serializer);

    private CollectionBuilder<T> AddIndex(string[] fields, bool unique)
    {
        if (fields is null || fields.Length == 0)
        {
            throw new ArgumentException($"An index of collection '{name}' needs at least one field.", nameof(fields));
        }

        foreach (var field in fields)
        {
            FieldPath.Validate(field, nameof(fields));
        }

        var indexName = $"{(unique ? "ux" : "ix")}_{name}_{string.Join("_", fields).Replace('.', '_')}";
        if (indexes.Any(i => i.Name == indexName))
        {
            throw new ArgumentException($"Index '{indexName}' is declared twice.", nameof(fields));
        }

        indexes.Add(new IndexDefinition(indexName, fields, unique));
        return this;
    }
}
