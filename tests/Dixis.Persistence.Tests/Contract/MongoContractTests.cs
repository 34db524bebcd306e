using Dixis.Persistence.Documents;
using Dixis.Persistence.Mongo;
using Dixis.Persistence.Tests.Model;

namespace Dixis.Persistence.Tests.Contract;

/// <summary>
/// The contract on MongoDB, against the server named by <c>DIXIS_TEST_MONGO</c> (a fresh database per test,
/// dropped afterwards). Without it every case is reported as skipped, with the reason.
/// </summary>
public sealed class MongoContractTests : DocumentStoreContract
{
    private const string Variable = "DIXIS_TEST_MONGO";
    private readonly string database = $"dixis_test_{Guid.NewGuid():N}"[..28];

    private static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);

    protected override IDocumentStore CreateStore()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Assert.Skip($"{Variable} is not set: the MongoDB adapter runs this suite only against a server named there (e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0).");
        }

        return new MongoDocumentStore(ConnectionString, TestCollections.Definition, Settings, Time, database);
    }

    protected override async ValueTask DeleteStorageAsync()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            await using var store = new MongoDocumentStore(ConnectionString, TestCollections.Definition, Settings, Time, database);
            await store.DropDatabaseAsync();
        }
    }
}
