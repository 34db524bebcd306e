using System.Net;
using System.Text.Json;

namespace Dixis.Services.Tests.Infrastructure;

/// <summary>The JSON body of <c>/health</c> and <c>/alive</c> as a client reads it.</summary>
public sealed record HealthReport(HttpStatusCode HttpStatus, string Status, IReadOnlyDictionary<string, string> Checks, IReadOnlyDictionary<string, string> Descriptions)
{
    public static async Task<HealthReport> GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToArray();
        foreach (var check in checks)
        {
            Assert.True(check.TryGetProperty("durationMs", out _), "Every check reports its duration.");
        }

        return new HealthReport(
            response.StatusCode,
            json.RootElement.GetProperty("status").GetString()!,
            checks.ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!),
            checks.ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("description").GetString() ?? string.Empty));
    }
}
