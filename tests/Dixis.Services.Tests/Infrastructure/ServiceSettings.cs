using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Infrastructure;

/// <summary>
/// Configuration for one in-process service: environment, extra settings, and a data directory that
/// is deleted with it unless the test shares it between instances.
/// </summary>
public sealed class ServiceSettings : IDisposable
{
    private readonly bool ownsDataDirectory;

    public ServiceSettings(string? dataDirectory = null)
    {
        ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? TemporaryDirectory.Create();
    }

    public string DataDirectory { get; }

    public string Environment { get; init; } = "Development";

    public Dictionary<string, string?> Values { get; init; } = [];

    /// <summary>
    /// Whether a service other than Auth trusts <see cref="Dixis.Testing.Tokens.TestTokenIssuer.Shared"/> instead of
    /// reading the Auth service's keys (true unless a test runs the real Auth service next to it).
    /// </summary>
    public bool TrustTestTokens { get; init; } = true;

    /// <summary>Replaces services after the service registered its own, e.g. a <c>FakeTimeProvider</c>.</summary>
    public Action<IServiceCollection>? Services { get; init; }

    public void Dispose()
    {
        if (ownsDataDirectory)
        {
            TemporaryDirectory.Delete(DataDirectory);
        }
    }
}
