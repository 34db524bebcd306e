using System.Text.Json;
using Dixis.AppHost.Orchestration;
using Dixis.AppHost.Tests.Fixtures;
using StackExchange.Redis;

namespace Dixis.AppHost.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class RedisTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Installed_redis_is_started_and_services_report_it_healthy()
    {
        if (ExecutableLocator.Find("redis-server") is null)
        {
            Assert.Skip("redis-server is not installed");
        }

        var cache = fixture.Platform.Resource("cache");
        Assert.True(cache.IsReady, $"cache is {cache.State}/{cache.Health}");
        var connectionString = fixture.Platform.ConnectionString("cache")!;
        Assert.Equal(connectionString, fixture.Platform.Resource("catalog").Environment["ConnectionStrings__cache"]);
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(connectionString))
        {
            Assert.True(redis.IsConnected);
        }

        using var http = new HttpClient();
        foreach (var service in new[] { "auth", "catalog", "orders", "shipping" })
        {
            using var response = await http.GetAsync(new Uri(fixture.Platform.Endpoint(service, "http"), "/health"), TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{service} /health: {(int)response.StatusCode} {body}");
            using var health = JsonDocument.Parse(body);
            var redisEntry = FindEntry(health.RootElement, "redis");
            Assert.True(redisEntry is not null, $"{service} /health does not list redis: {body}");
            Assert.Equal("Healthy", redisEntry.Value.GetProperty("status").GetString());
        }
    }

    // ServiceDefaults' /health body: { "status": …, "checks": [ { "name": …, "status": … } ] }.
    private static JsonElement? FindEntry(JsonElement report, string name) =>
        report.TryGetProperty("checks", out var checks)
            ? checks.EnumerateArray().Where(c => c.GetProperty("name").GetString() == name).Cast<JsonElement?>().FirstOrDefault()
            : null;
}
