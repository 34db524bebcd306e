using Dixis.Catalog.Caching;
using Microsoft.Extensions.Time.Testing;

namespace Dixis.Catalog.Tests.Caching;

public sealed class InvalidationLogTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    [Fact]
    public void An_id_reports_the_sequence_of_its_last_invalidation_and_an_unknown_id_zero()
    {
        var log = new InvalidationLog(new FakeTimeProvider(), Retention);

        log.Record("product:a", 3);
        log.Record("product:a", 7);

        Assert.Equal(7, log.InvalidatedAt("product:a"));
        Assert.Equal(0, log.InvalidatedAt("product:b"));
    }

    [Fact]
    public void Ids_older_than_the_retention_are_dropped_once_the_log_is_large_and_recent_ones_are_kept()
    {
        var time = new FakeTimeProvider();
        var log = new InvalidationLog(time, Retention);
        for (var index = 0; index < InvalidationLog.PruneAbove; index++)
        {
            log.Record($"old:{index}", index + 1);
        }

        time.Advance(Retention + TimeSpan.FromSeconds(1));
        log.Record("recent:0", 1_000_000);
        log.Record("recent:1", 1_000_001);

        Assert.Equal(0, log.InvalidatedAt("old:0"));
        Assert.Equal(1_000_000, log.InvalidatedAt("recent:0"));
        Assert.Equal(1_000_001, log.InvalidatedAt("recent:1"));
        Assert.True(log.Count <= 2, $"expected the expired ids to be pruned, {log.Count} remain");
    }

    [Fact]
    public void An_import_that_invalidates_more_ids_than_the_prune_threshold_within_the_retention_keeps_every_one()
    {
        var log = new InvalidationLog(new FakeTimeProvider(), Retention);
        var ids = 3 * InvalidationLog.PruneAbove;

        for (var index = 0; index < ids; index++)
        {
            log.Record($"product:{index}", index + 1);
        }

        Assert.Equal(ids, log.Count);
        Assert.Equal(1, log.InvalidatedAt("product:0"));
        Assert.Equal(ids, log.InvalidatedAt($"product:{ids - 1}"));
    }
}
