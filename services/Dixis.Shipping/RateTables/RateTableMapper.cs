using System.Text.Json;
using Dixis.Contracts.Shipping.V1;
using Dixis.Persistence.Documents;
using Dixis.ServiceDefaults.Grpc;
using Dixis.Shipping.Model;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Shipping.RateTables;

/// <summary>Between the contract's <see cref="RateTable"/> and the stored <see cref="RateTableRecord"/>.</summary>
public static class RateTableMapper
{
    // Unknown fields are skipped rather than refused, so a table stored by a newer version still reads after a rollback.
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static RateTable ToContract(Document<RateTableRecord> document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var record = document.Value;
        var table = Parser.Parse<RateTable>(record.Definition.GetRawText());
        table.Id = document.Id;
        table.DisplayName = record.DisplayName;
        table.RegionCode = record.RegionCode;
        table.State = System.Enum.Parse<RateTableState>(record.State);
        table.CreateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(record.CreateTimeMs));
        table.UpdateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(record.UpdateTimeMs));
        table.Etag = Etag.Of(document.Version);
        return table;
    }

    public static RateTableRecord ToRecord(RateTable table, RateTableState state, long createTimeMs, long updateTimeMs)
    {
        ArgumentNullException.ThrowIfNull(table);

        // The definition keeps only the contents; identity, state and times live beside it where indexes can reach them.
        var definition = table.Clone();
        definition.Id = string.Empty;
        definition.DisplayName = string.Empty;
        definition.RegionCode = string.Empty;
        definition.State = RateTableState.Unspecified;
        definition.CreateTime = null;
        definition.UpdateTime = null;
        definition.Etag = string.Empty;
        using var json = JsonDocument.Parse(JsonFormatter.Default.Format(definition));
        return new RateTableRecord(
            table.DisplayName,
            table.RegionCode,
            state.ToString(),
            state == RateTableState.Active ? table.RegionCode : null,
            json.RootElement.Clone(),
            createTimeMs,
            updateTimeMs);
    }

    /// <summary>Reads a table in the JSON an administrator sends (the shipped default tables are written in it).</summary>
    public static RateTable FromJson(string json) => Parser.Parse<RateTable>(json);
}
