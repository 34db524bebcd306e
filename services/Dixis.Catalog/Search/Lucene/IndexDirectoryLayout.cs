using System.Text.RegularExpressions;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// The index folder: one sub-folder per build (<c>index-&lt;uuid v7&gt;</c>) and a small pointer file naming the active
/// one. A rebuild writes a new sub-folder and switches the pointer only once the new index is committed; the pointer
/// is replaced by an atomic rename, so a crash at any moment leaves it naming a complete index.
/// </summary>
internal sealed partial class IndexDirectoryLayout(string root, TimeProvider time)
{
    public const string PointerFileName = "active-index";

    public string Root { get; } = root;

    public string PathOf(string name) => Path.Combine(Root, name);

    public string NewName() => "index-" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    /// <summary>The active sub-folder's name, or null when there is no (valid) pointer.</summary>
    public string? ReadActive()
    {
        var pointer = Path.Combine(Root, PointerFileName);
        if (!File.Exists(pointer))
        {
            return null;
        }

        var name = File.ReadAllText(pointer).Trim();
        return IndexName().IsMatch(name) ? name : null;
    }

    public void WriteActive(string name)
    {
        var pointer = Path.Combine(Root, PointerFileName);
        var temporary = pointer + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(name);
            writer.Flush();
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, pointer, overwrite: true);
    }

    /// <summary>Sub-folders other than <paramref name="activeName"/>: left by a rebuild that crashed, or by a swap whose clean-up failed.</summary>
    public IEnumerable<string> StaleNames(string activeName) =>
        new DirectoryInfo(Root).EnumerateDirectories()
            .Select(directory => directory.Name)
            .Where(name => IndexName().IsMatch(name) && name != activeName)
            .ToList();

    [GeneratedRegex("^index-[0-9a-f]{32}$")]
    private static partial Regex IndexName();
}
