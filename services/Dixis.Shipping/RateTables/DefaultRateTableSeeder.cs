using Dixis.Contracts.Shipping.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Queries;
using Dixis.Shipping.Model;
using Microsoft.Extensions.Options;

namespace Dixis.Shipping.RateTables;

/// <summary>
/// Before the service serves, stores and activates the default region's shipped table when the region has no table at
/// all (<c>Shipping:SeedDefaultRateTable</c>), so a fresh platform quotes at once. A region with any table, even
/// only drafts, is left to its administrators. Replicas starting together race harmlessly: the seeded id is fixed and
/// only one table of a region can be active.
/// </summary>
public sealed partial class DefaultRateTableSeeder(
    IDocumentCollection<RateTableRecord> tables,
    IOptions<ShippingOptions> options,
    TimeProvider timeProvider,
    ILogger<DefaultRateTableSeeder> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var region = settings.DefaultRegionCode;
        if (!settings.SeedDefaultRateTable || await tables.CountAsync(Filter.Eq("regionCode", region), cancellationToken) > 0)
        {
            return;
        }

        var table = await DefaultRateTables.LoadAsync(region, settings.DefaultRateTableFile, cancellationToken);
        if (table is null)
        {
            LogNoDefaultTable(logger, region);
            return;
        }

        var violations = RateTableValidator.Validate(table);
        if (violations.Count > 0 || table.RegionCode != region)
        {
            throw new InvalidOperationException($"The default rate table of region '{region}' is invalid: " +
                string.Join("; ", violations.Items.Select(v => $"{v.Field}: {v.Description}").Append($"region_code: '{table.RegionCode}'")));
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var id = $"default-{region.ToLowerInvariant()}";
        try
        {
            await tables.InsertAsync(id, RateTableMapper.ToRecord(table, RateTableState.Active, now, now), cancellationToken);
            LogSeeded(logger, id, region);
        }
        catch (Exception raced) when (raced is DocumentAlreadyExistsException or UniqueIndexViolationException)
        {
            // Another replica seeded it, or an administrator activated a table in between.
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded and activated the default rate table {RateTableId} of region {RegionCode}")]
    private static partial void LogSeeded(ILogger logger, string rateTableId, string regionCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {RegionCode} has no rate table and none ships for it: quotes fail until an administrator activates one")]
    private static partial void LogNoDefaultTable(ILogger logger, string regionCode);
}
