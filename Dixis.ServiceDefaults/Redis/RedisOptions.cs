using System.ComponentModel.DataAnnotations;

namespace Dixis.ServiceDefaults.Redis;

/// <summary>
/// Redis client timeouts (configuration section <c>Redis</c>). The connection string itself comes
/// from <c>ConnectionStrings:cache</c>. Timeouts are capped at one second: a cache that answers
/// slower than that is worse than no cache, and a request must never wait on it for long.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:01")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:01")]
    public TimeSpan SyncTimeout { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:01")]
    public TimeSpan AsyncTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
