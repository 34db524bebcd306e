using Dixis.Catalog.Model;
using Dixis.Catalog.Text;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Documents;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Text;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Catalog.Producers;

/// <summary>Stored producers to contract messages and back.</summary>
public static class ProducerMapper
{
    /// <summary>The contract producer without <c>product_count</c> (added per read from the search index).</summary>
    public static Producer ToContract(Document<ProducerRecord> document)
    {
        var record = document.Value;
        return new Producer
        {
            Id = document.Id,
            Slug = record.Slug,
            DisplayName = record.DisplayName,
            Description = LocalizedTexts.ToContract(record.Description),
            Region = LocalizedTexts.ToContract(record.Region),
            LogoUri = record.LogoUri ?? string.Empty,
            OriginPostalCode = record.OriginPostalCode ?? string.Empty,
            OriginRegionCode = record.OriginRegionCode ?? string.Empty,
            State = record.State,
            CreateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(record.CreateTimeMs)),
            UpdateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(record.UpdateTimeMs)),
            Etag = Etag.Of(document.Version),
        };
    }

    /// <summary>The stored form of a validated producer; times come from the caller, not the message.</summary>
    public static ProducerRecord ToRecord(Producer producer, long createTimeMs, long updateTimeMs) =>
        new(
            producer.Slug,
            producer.DisplayName.Trim(),
            TextFolding.Fold(producer.DisplayName.Trim()),
            LocalizedTexts.ToRecord(producer.Description),
            LocalizedTexts.ToRecord(producer.Region),
            NullIfEmpty(producer.LogoUri),
            NullIfEmpty(producer.OriginPostalCode),
            NullIfEmpty(producer.OriginRegionCode),
            producer.State == ProducerState.Unspecified ? ProducerState.Active : producer.State,
            createTimeMs,
            updateTimeMs);

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
