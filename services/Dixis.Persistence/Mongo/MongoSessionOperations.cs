using MongoDB.Bson;
using MongoDB.Driver;

namespace Dixis.Persistence.Mongo;

/// <summary>Collection operations that join a session when there is one, so each call site is written once.</summary>
internal static class MongoSessionOperations
{
    public static Task InsertAsync(this IMongoCollection<BsonDocument> collection, IClientSessionHandle? session, BsonDocument document, CancellationToken cancellationToken) =>
        session is null
            ? collection.InsertOneAsync(document, cancellationToken: cancellationToken)
            : collection.InsertOneAsync(session, document, cancellationToken: cancellationToken);

    public static Task<ReplaceOneResult> ReplaceAsync(this IMongoCollection<BsonDocument> collection, IClientSessionHandle? session, BsonDocument filter, BsonDocument document, CancellationToken cancellationToken) =>
        session is null
            ? collection.ReplaceOneAsync(filter, document, cancellationToken: cancellationToken)
            : collection.ReplaceOneAsync(session, filter, document, cancellationToken: cancellationToken);

    public static Task<UpdateResult> UpdateAsync(this IMongoCollection<BsonDocument> collection, IClientSessionHandle? session, BsonDocument filter, BsonDocument update, CancellationToken cancellationToken) =>
        session is null
            ? collection.UpdateOneAsync(filter, update, cancellationToken: cancellationToken)
            : collection.UpdateOneAsync(session, filter, update, cancellationToken: cancellationToken);

    public static Task<DeleteResult> DeleteAsync(this IMongoCollection<BsonDocument> collection, IClientSessionHandle? session, BsonDocument filter, CancellationToken cancellationToken) =>
        session is null
            ? collection.DeleteOneAsync(filter, cancellationToken)
            : collection.DeleteOneAsync(session, filter, cancellationToken: cancellationToken);

    public static IFindFluent<BsonDocument, BsonDocument> Query(this IMongoCollection<BsonDocument> collection, IClientSessionHandle? session, BsonDocument filter) =>
        session is null ? collection.Find(filter) : collection.Find(session, filter);

    public static Task<long> CountAsync(this IMongoCollection<BsonDocument> collection, IClientSessionHandle? session, BsonDocument filter, CancellationToken cancellationToken) =>
        session is null
            ? collection.CountDocumentsAsync(filter, cancellationToken: cancellationToken)
            : collection.CountDocumentsAsync(session, filter, cancellationToken: cancellationToken);

    public static Task<BsonDocument?> FindFirstAsync(this IMongoCollection<BsonDocument> collection, IClientSessionHandle? session, BsonDocument filter, CancellationToken cancellationToken) =>
        collection.Query(session, filter).Limit(1).FirstOrDefaultAsync(cancellationToken)!;
}
