using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Dixis.Gateway.Tests.TransportSecurity.Infrastructure;

/// <summary>
/// A certificate for <c>localhost</c> made for one test run (ECDSA P-256, server authentication), written as a PEM
/// pair and as a password-protected PFX in a temporary folder, the two forms Kestrel reads from configuration.
/// Clients trust it by its SHA-256 thumbprint alone, so the machine's trust store is never touched.
/// </summary>
public sealed class SelfSignedCertificate : IDisposable
{
    private readonly DirectoryInfo folder;

    private SelfSignedCertificate(DirectoryInfo folder, string thumbprint, string pfxPassword)
    {
        this.folder = folder;
        Thumbprint = thumbprint;
        PfxPassword = pfxPassword;
    }

    public string CertificatePemPath => Path.Combine(folder.FullName, "gateway.crt");

    public string KeyPemPath => Path.Combine(folder.FullName, "gateway.key");

    public string PfxPath => Path.Combine(folder.FullName, "gateway.pfx");

    public string PfxPassword { get; }

    public string Thumbprint { get; }

    public static SelfSignedCertificate Create(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));

        // Backdated a little, so a clock a few seconds behind on either side does not reject it as not yet valid.
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        var folder = Directory.CreateTempSubdirectory("dixis-gateway-tls-");
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var created = new SelfSignedCertificate(folder, certificate.GetCertHashString(HashAlgorithmName.SHA256), password);
        File.WriteAllText(created.CertificatePemPath, certificate.ExportCertificatePem());
        File.WriteAllText(created.KeyPemPath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(created.PfxPath, certificate.Export(X509ContentType.Pfx, password));
        return created;
    }

    /// <summary>Accepts the server's certificate only if it is this one.</summary>
    public bool IsPresentedBy(X509Certificate? presented) =>
        presented is not null
        && string.Equals(
            new X509Certificate2(presented).GetCertHashString(HashAlgorithmName.SHA256),
            Thumbprint,
            StringComparison.OrdinalIgnoreCase);

    public void Dispose() => folder.Delete(recursive: true);
}
