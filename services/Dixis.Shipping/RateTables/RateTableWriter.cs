using Dixis.Contracts.Shipping.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Dixis.Shipping.Model;
using Dixis.Shipping.Rates;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Dixis.Shipping.RateTables;

/// <summary>
/// Creates, edits, activates and deletes rate tables. A table is created as a draft; activation retires the region's
/// previous active table in the same unit of work, each step a conditional update, and a unique index on
/// <c>activeRegionCode</c> keeps a region at one active table even where two activations race.
/// </summary>
public sealed class RateTableWriter(IDocumentStore store, RateTableDirectory directory, IOptions<ShippingOptions> options, TimeProvider timeProvider)
{
    private const string Domain = ShippingErrors.Domain;

    private static readonly HashSet<string> Writable = new(StringComparer.Ordinal)
    {
        "display_name", "region_code", "currency_code", "carriers", "service_levels", "zones", "postal_code_overrides",
        "volumetric_divisor", "max_weight_grams", "postal_code_format",
    };

    private static readonly HashSet<string> NotWritable = new(StringComparer.Ordinal) { "id", "state", "create_time", "update_time", "etag" };

    private IDocumentCollection<RateTableRecord> Tables => directory.Tables;

    public async Task<RateTable> CreateAsync(RateTable request, CancellationToken cancellationToken)
    {
        var table = request.Clone();
        if (table.RegionCode.Length == 0)
        {
            table.RegionCode = options.Value.DefaultRegionCode;
        }

        if (table.CurrencyCode.Length == 0)
        {
            table.CurrencyCode = options.Value.DefaultCurrencyCode;
        }

        RateTableValidator.Validate(table).ThrowIfAny(Domain);
        var now = timeProvider.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("D");
        var stored = await Tables.InsertAsync(id, RateTableMapper.ToRecord(table, RateTableState.Draft, now.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds()), cancellationToken);
        return RateTableMapper.ToContract(stored);
    }

    public async Task<RateTable> UpdateAsync(RateTable request, FieldMask? mask, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Id))
        {
            throw RpcErrors.InvalidField(Domain, "rate_table.id", "is required.");
        }

        var paths = Paths(mask);
        var current = await GetDocumentAsync(request.Id, cancellationToken);
        if (request.Etag.Length > 0 && (!Etag.TryParse(request.Etag, out var version) || version != current.Version))
        {
            throw RpcErrors.EtagMismatch(Domain, current.Id);
        }

        var merged = RateTableMapper.ToContract(current);
        var state = merged.State;
        foreach (var path in paths)
        {
            Apply(path, request, merged);
        }

        if (state == RateTableState.Active && merged.RegionCode != current.Value.RegionCode)
        {
            throw RpcErrors.InvalidArgument(Domain, [new FieldViolation("update_mask",
                "'region_code' of the active table cannot change: create a table for the other region instead.", RpcErrors.FieldNotWritableReason)]);
        }

        RateTableValidator.Validate(merged).ThrowIfAny(Domain);
        var record = RateTableMapper.ToRecord(merged, state, current.Value.CreateTimeMs, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        try
        {
            var replaced = await Tables.ReplaceAsync(current.Id, record, current.Version, cancellationToken);
            directory.ForgetActiveTables();
            return RateTableMapper.ToContract(replaced);
        }
        catch (ConcurrencyConflictException)
        {
            throw RpcErrors.EtagMismatch(Domain, current.Id);
        }
    }

    public async Task<RateTable> ActivateAsync(string rateTableId, CancellationToken cancellationToken)
    {
        var target = await GetDocumentAsync(rateTableId, cancellationToken);
        if (target.Value.State == nameof(RateTableState.Active))
        {
            return RateTableMapper.ToContract(target);
        }

        var region = target.Value.RegionCode;
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        try
        {
            await using var transaction = await store.BeginTransactionAsync(cancellationToken);
            var tables = Tables.In(transaction);
            var previous = await tables.FirstOrDefaultAsync(Filter.Eq("activeRegionCode", region), cancellationToken);

            // Retire first, so the unique activeRegionCode is free when the target takes it; each step holds only if
            // nobody changed the table's state meanwhile.
            if (previous is not null && !await tables.UpdateIfAsync(previous.Id, Filter.Eq("state", nameof(RateTableState.Active)),
                    Update.Combine(Update.Set("state", nameof(RateTableState.Retired)), Update.Set("activeRegionCode", null), Update.Set("updateTimeMs", now)), cancellationToken))
            {
                throw Raced(rateTableId);
            }

            if (!await tables.UpdateIfAsync(target.Id, Filter.Eq("state", target.Value.State),
                    Update.Combine(Update.Set("state", nameof(RateTableState.Active)), Update.Set("activeRegionCode", region), Update.Set("updateTimeMs", now)), cancellationToken))
            {
                throw Raced(rateTableId);
            }

            await transaction.CommitAsync(cancellationToken);
            directory.ForgetActiveTables();
        }
        catch (UniqueIndexViolationException)
        {
            throw Raced(rateTableId);
        }

        return RateTableMapper.ToContract(await GetDocumentAsync(rateTableId, cancellationToken));
    }

    public async Task DeleteAsync(string rateTableId, CancellationToken cancellationToken)
    {
        var current = await GetDocumentAsync(rateTableId, cancellationToken);
        if (current.Value.State == nameof(RateTableState.Active))
        {
            throw RateErrors.RateTableActive(rateTableId);
        }

        try
        {
            // At the version read, so a table activated meanwhile is not deleted.
            await Tables.DeleteAsync(current.Id, current.Version, cancellationToken);
            directory.ForgetActiveTables();
        }
        catch (ConcurrencyConflictException)
        {
            throw RpcErrors.EtagMismatch(Domain, current.Id);
        }
    }

    private async Task<Document<RateTableRecord>> GetDocumentAsync(string rateTableId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(rateTableId))
        {
            throw RpcErrors.InvalidField(Domain, "rate_table_id", "is required.");
        }

        return (rateTableId.Length <= 64 ? await Tables.GetAsync(rateTableId, cancellationToken) : null) ?? throw RateErrors.RateTableNotFound(rateTableId);
    }

    private static global::Grpc.Core.RpcException Raced(string rateTableId) =>
        RpcErrors.Aborted(Domain, RpcErrors.EtagMismatchReason, $"Rate table '{rateTableId}' or its region's active table changed during activation: activate again.");

    private static List<string> Paths(FieldMask? mask)
    {
        var violations = new FieldViolations();
        if (mask is null || mask.Paths.Count == 0)
        {
            violations.Add("update_mask", "is required: name the fields to change, e.g. 'zones,service_levels', or '*' for all.");
        }

        var paths = new List<string>();
        foreach (var path in mask?.Paths ?? [])
        {
            if (path == "*")
            {
                paths.AddRange(Writable);
            }
            else if (Writable.Contains(path))
            {
                paths.Add(path);
            }
            else if (NotWritable.Contains(path))
            {
                violations.Add("update_mask", $"'{path}' cannot be changed{(path == "state" ? ": use ActivateRateTable" : string.Empty)}.", RpcErrors.FieldNotWritableReason);
            }
            else
            {
                violations.Add("update_mask", $"'{RateErrors.Shorten(path)}' is not a field of RateTable that can be updated.");
            }
        }

        violations.ThrowIfAny(Domain);
        return paths;
    }

    private static void Apply(string path, RateTable source, RateTable target)
    {
        switch (path)
        {
            case "display_name": target.DisplayName = source.DisplayName; break;
            case "region_code": target.RegionCode = source.RegionCode; break;
            case "currency_code": target.CurrencyCode = source.CurrencyCode; break;
            case "carriers": Replace(target.Carriers, source.Carriers); break;
            case "service_levels": Replace(target.ServiceLevels, source.ServiceLevels); break;
            case "zones": Replace(target.Zones, source.Zones); break;
            case "postal_code_overrides": Replace(target.PostalCodeOverrides, source.PostalCodeOverrides); break;
            case "volumetric_divisor": target.VolumetricDivisor = source.VolumetricDivisor; break;
            case "max_weight_grams": target.MaxWeightGrams = source.MaxWeightGrams; break;
            case "postal_code_format": target.PostalCodeFormat = source.PostalCodeFormat; break;
            default: throw new InvalidOperationException($"Path '{path}' is writable but not applied.");
        }
    }

    private static void Replace<T>(Google.Protobuf.Collections.RepeatedField<T> target, Google.Protobuf.Collections.RepeatedField<T> source)
        where T : Google.Protobuf.IDeepCloneable<T>
    {
        target.Clear();
        target.AddRange(source.Select(item => item.Clone()));
    }
}
