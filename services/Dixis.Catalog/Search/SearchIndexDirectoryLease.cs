namespace Dixis.Catalog.Search;

/// <summary>
/// Gives each running catalog instance its own folder for an embedded index next to the store's data, and the
/// same folder again after a restart: <c>catalog.search</c> for the first instance, <c>catalog.search-2</c>,
/// <c>-3</c>, … for others that share the data directory at the same time (replicas on one machine, tests). A
/// folder is held by an exclusive lock file for the life of the process; the operating system drops the lock when
/// the process ends, so a crashed instance never keeps its folder.
/// </summary>
public sealed class SearchIndexDirectoryLease : IDisposable
{
    private const string LockFileName = ".instance.lock";
    private readonly Lock gate = new();
    private FileStream? held;
    private string? directory;

    /// <summary>The folder this instance holds under <paramref name="dataDirectory"/>, acquiring one on first call.</summary>
    public string Acquire(string dataDirectory)
    {
        lock (gate)
        {
            if (directory is not null)
            {
                return directory;
            }

            for (var instance = 1; instance <= 64; instance++)
            {
                var candidate = Path.Combine(dataDirectory, instance == 1 ? "catalog.search" : $"catalog.search-{instance}");
                Directory.CreateDirectory(candidate);
                try
                {
                    held = new FileStream(Path.Combine(candidate, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                    return directory = candidate;
                }
                catch (IOException)
                {
                    // Another running instance holds this folder.
                }
            }

            throw new InvalidOperationException($"Sixty-four catalog instances already hold search index folders under {dataDirectory}.");
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            held?.Dispose();
            held = null;
        }
    }
}
