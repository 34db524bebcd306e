using System.Net;
using System.Text.Json;

namespace Dixis.Gateway.Tests.Security;

/// <summary>
/// While the revocation list cannot be read from the Auth service, revoked tokens stay usable until they expire: the
/// gateway keeps serving but says so in its readiness report (Degraded, still HTTP 200), and is Healthy once it reads it.
/// </summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class RevocationHealthTests(SecuredPlatform platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_gateway_that_cannot_read_the_revocation_list_reports_degraded_health_and_keeps_serving()
    {
        await using var cutOff = platform.CreateGateway(new Dictionary<string, string?> { ["services:auth:grpc:0"] = "http://unreachable.test" });
        using var http = cutOff.CreateClient();
        var (code, status) = await RevocationCheckAsync(http);
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Degraded", status);

        using var categories = await http.GetAsync(new Uri("/v1/categories:tree", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, categories.StatusCode);
    }

    [Fact]
    public async Task A_gateway_that_reads_the_revocation_list_is_healthy()
    {
        using var http = platform.JsonClient();
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(5);
        var (_, status) = await RevocationCheckAsync(http);
        while (status != "Healthy" && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(100, Cancellation);
            (_, status) = await RevocationCheckAsync(http);
        }

        Assert.Equal("Healthy", status);
    }

    private static async Task<(HttpStatusCode Code, string? Status)> RevocationCheckAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), Cancellation);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        var check = report.RootElement.GetProperty("checks").EnumerateArray().FirstOrDefault(c => c.GetProperty("name").GetString() == "token-revocations");
        return (response.StatusCode, check.ValueKind == JsonValueKind.Undefined ? null : check.GetProperty("status").GetString());
    }
}
