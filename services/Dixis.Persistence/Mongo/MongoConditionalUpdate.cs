using Dixis.Persistence.Queries;
using MongoDB.Bson;

namespace Dixis.Persistence.Mongo;

/// <summary>
/// The filter and update of one conditional atomic update: the condition lives in the filter, so the server
/// matches and modifies the document in one step and two callers can never both pass the check.
/// </summary>
public sealed record MongoConditionalUpdate(BsonDocument Filter, BsonDocument Update)
{
    public static MongoConditionalUpdate Render(string id, Filter condition, Update update) =>
        new(
            MongoFilterRenderer.Render(Queries.Filter.And(Queries.Filter.Eq(FieldPath.Id, id), condition)),
            MongoUpdateRenderer.Render(update));
}
