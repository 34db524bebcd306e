using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Dixis.Gateway.TransportSecurity;

/// <summary>
/// Refuses to start when the Kestrel configuration names a certificate or key file that does not exist. Kestrel
/// itself would only fail once it binds its endpoints, with a bare "file not found"; this names the setting, the
/// path as configured and where it was looked for (relative paths are resolved against the content root, as
/// Kestrel resolves them).
/// </summary>
public sealed class CertificateFilesValidator(IHostEnvironment environment) : IValidateOptions<KestrelServerOptions>
{
    public ValidateOptionsResult Validate(string? name, KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = options.ConfigurationLoader?.Configuration;
        if (configuration is null)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        foreach (var (key, path) in configuration.AsEnumerable())
        {
            if (string.IsNullOrEmpty(path) || !NamesCertificateFile(key))
            {
                continue;
            }

            var resolved = Path.GetFullPath(path, environment.ContentRootPath);
            if (!File.Exists(resolved))
            {
                failures.Add($"{key} is '{path}', but there is no file at '{resolved}'. Point it at the certificate "
                    + "(PFX, or PEM with its KeyPath), or remove the HTTPS endpoint.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// <c>…:Certificate:Path</c> / <c>…:Certificate:KeyPath</c> of an endpoint or SNI entry, and
    /// <c>Certificates:&lt;name&gt;:Path</c> / <c>KeyPath</c> (e.g. <c>Certificates:Default</c>).
    /// </summary>
    private static bool NamesCertificateFile(string key)
    {
        var segments = key.Split(':');
        if (segments.Length < 3)
        {
            return false;
        }

        var last = segments[^1];
        if (!last.Equals("Path", StringComparison.OrdinalIgnoreCase) && !last.Equals("KeyPath", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return segments[^2].Equals("Certificate", StringComparison.OrdinalIgnoreCase)
            || segments[^3].Equals("Certificates", StringComparison.OrdinalIgnoreCase);
    }
}
