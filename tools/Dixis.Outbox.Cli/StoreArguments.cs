namespace Dixis.Outbox.Cli;

/// <summary>Which service's store to open, and overrides of the configuration the service itself would read.</summary>
/// <param name="Service">The service name, as in <c>AddDocumentStore("orders", …)</c>.</param>
/// <param name="DataDirectory">The SQLite folder instead of <c>Persistence__DataDirectory</c> (default <c>./.data</c>).</param>
/// <param name="Mongo">The MongoDB connection string instead of <c>ConnectionStrings__mongo</c>.</param>
/// <param name="MongoDatabase">The MongoDB database instead of <c>Persistence__MongoDatabase</c> (default the service name).</param>
public sealed record StoreArguments(string Service, string? DataDirectory, string? Mongo, string? MongoDatabase);
