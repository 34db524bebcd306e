using System.Text.RegularExpressions;
using Dixis.Persistence.Errors;
using MongoDB.Driver;

namespace Dixis.Persistence.Mongo;

/// <summary>Translates duplicate-key errors into the store's typed errors.</summary>
internal static partial class MongoErrors
{
    private const int DuplicateKeyCode = 11000;

    public static bool IsDuplicateKey(MongoException exception) => exception switch
    {
        MongoWriteException w => w.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoCommandException c => c.Code == DuplicateKeyCode,
        _ => false,
    };

    public static Exception? Translate(MongoException exception, string collection, string id)
    {
        if (!IsDuplicateKey(exception))
        {
            return null;
        }

        // E11000 duplicate key error collection: shop.products index: _id_ dup key: { _id: "p1" }
        var index = IndexName().Match(exception.Message);
        return !index.Success || index.Groups[1].Value == "_id_"
            ? new DocumentAlreadyExistsException(collection, id, exception)
            : new UniqueIndexViolationException(collection, index.Groups[1].Value, exception);
    }

    [GeneratedRegex(@"index: (\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex IndexName();
}
