using Dixis.Persistence.Queries;
using MongoDB.Bson;

namespace Dixis.Persistence.Mongo;

/// <summary>Renders an <see cref="Update"/> to the BSON update document, always bumping the version.</summary>
public static class MongoUpdateRenderer
{
    public static BsonDocument Render(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var set = new BsonDocument();
        var inc = new BsonDocument();
        foreach (var change in update.Changes)
        {
            switch (change)
            {
                case SetField s:
                    set.Add(s.Field, MongoFilterRenderer.ToBson(s.Value));
                    break;
                case IncrementField i:
                    inc.Add(i.Field, new BsonInt64(i.Amount));
                    break;
                default:
                    throw new NotSupportedException($"Update {change.GetType().Name} is not supported by MongoDB.");
            }
        }

        inc.Add(FieldPath.Version, new BsonInt64(1));
        var rendered = new BsonDocument();
        if (set.ElementCount > 0)
        {
            rendered.Add("$set", set);
        }

        rendered.Add("$inc", inc);
        return rendered;
    }
}
