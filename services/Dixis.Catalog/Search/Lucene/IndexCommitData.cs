using System.Globalization;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// What each commit records besides the documents: the schema the index was written with, and the checkpoint up to
/// which it reflects the store. An index of another schema is not reused; it is rebuilt.
/// </summary>
internal static class IndexCommitData
{
    public const string SchemaKey = "dixis.search.schema";
    public const string CheckpointKey = "dixis.search.synced_through_ms";

    /// <summary>Bump whenever analysis, fields or their encoding change: older indexes are then rebuilt at start.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The version with the languages analysed: adding a language changes the fields too.</summary>
    public static string Schema { get; } =
        SchemaVersion.ToString(CultureInfo.InvariantCulture) + ":" + string.Join(",", SearchLanguage.All.Select(language => language.Code));

    public static Dictionary<string, string> For(SearchIndexCheckpoint? checkpoint)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [SchemaKey] = Schema };
        if (checkpoint is not null)
        {
            data[CheckpointKey] = checkpoint.SyncedThroughMs.ToString(CultureInfo.InvariantCulture);
        }

        return data;
    }

    public static bool HasCurrentSchema(IDictionary<string, string> data) =>
        data.TryGetValue(SchemaKey, out var schema) && schema == Schema;

    public static string? SchemaOf(IDictionary<string, string> data) => data.TryGetValue(SchemaKey, out var schema) ? schema : null;

    public static SearchIndexCheckpoint? CheckpointOf(IDictionary<string, string> data) =>
        data.TryGetValue(CheckpointKey, out var value) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var syncedThroughMs)
            ? new SearchIndexCheckpoint(syncedThroughMs)
            : null;
}
