using Dixis.Persistence.Documents;
using Dixis.Persistence.Mongo;
using Dixis.Persistence.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dixis.Persistence.Hosting;

/// <summary>Creates the schema and indexes while the host starts, before the first request arrives.</summary>
internal sealed partial class DocumentStoreInitializer(IDocumentStore store, ILogger<DocumentStoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        switch (store)
        {
            case SqliteDocumentStore sqlite:
                LogSqliteReady(logger, store.Definition.ServiceName, sqlite.FilePath);
                break;
            case MongoDocumentStore { SupportsTransactions: true }:
                LogMongoReady(logger, store.Definition.ServiceName);
                break;
            case MongoDocumentStore:
                // Operators must see this: multi-document units of work lose their all-or-nothing guarantee.
                LogMongoStandalone(logger, store.Definition.ServiceName);
                break;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Document store of {Service} on SQLite at {FilePath}")]
    private static partial void LogSqliteReady(ILogger logger, string service, string filePath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document store of {Service} on MongoDB with transactions")]
    private static partial void LogMongoReady(ILogger logger, string service);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document store of {Service} on a standalone MongoDB server: no transactions, units of work apply write by write; run MongoDB as a replica set")]
    private static partial void LogMongoStandalone(ILogger logger, string service);
}
