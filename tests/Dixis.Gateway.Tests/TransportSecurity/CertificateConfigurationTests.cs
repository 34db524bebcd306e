using System.Net;
using Dixis.Gateway.Tests.TransportSecurity.Infrastructure;

namespace Dixis.Gateway.Tests.TransportSecurity;

/// <summary>
/// The HTTPS endpoint reads its certificate the way Kestrel documents (a PEM pair, or a PFX with its password),
/// and a certificate setting naming no file stops the gateway at start with the setting and the path.
/// </summary>
public sealed class CertificateConfigurationTests : IDisposable
{
    private readonly SelfSignedCertificate certificate = SelfSignedCertificate.Create(TimeProvider.System);

    [Theory]
    [InlineData("Kestrel:Endpoints:https:Certificate:Path")]
    [InlineData("Kestrel:Endpoints:https:Certificate:KeyPath")]
    public async Task Missing_certificate_file_stops_the_gateway_at_start(string setting)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"dixis-no-such-certificate-{Guid.NewGuid():N}.pem");
        await using var gateway = await KestrelGateway.CreateAsync("Production", certificate, new Dictionary<string, string?> { [setting] = missing });

        var failure = Assert.ThrowsAny<Exception>(gateway.StartServer);

        var message = failure.ToString();
        Assert.Contains($"{setting} is '{missing}', but there is no file at '{missing}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pfx_with_its_password_serves_https()
    {
        await using var gateway = await KestrelGateway.CreateAsync("Production", certificate, new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:https:Certificate:Path"] = certificate.PfxPath,
            ["Kestrel:Endpoints:https:Certificate:KeyPath"] = null,
            ["Kestrel:Endpoints:https:Certificate:Password"] = certificate.PfxPassword,
        });
        gateway.StartServer();
        using var https = gateway.HttpsClient(HttpVersion.Version20);

        using var response = await https.GetAsync(new Uri("/alive", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
    }

    public void Dispose() => certificate.Dispose();
}
