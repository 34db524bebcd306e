using Dixis.Persistence.Documents;
using Dixis.Persistence.Sqlite;
using Dixis.Persistence.Tests.Model;

namespace Dixis.Persistence.Tests.Contract;

/// <summary>The contract on SQLite: a temp file per test, opened again for restarts.</summary>
public sealed class SqliteContractTests : DocumentStoreContract
{
    private readonly string directory = Directory.CreateTempSubdirectory("dixis-persistence-").FullName;

    private string FilePath => Path.Combine(directory, "contract.db");

    protected override IDocumentStore CreateStore() => new SqliteDocumentStore(FilePath, TestCollections.Definition, Settings, Time);

    protected override ValueTask DeleteStorageAsync()
    {
        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
