using Dixis.Contracts.Shipping.V1;

namespace Dixis.Shipping.RateTables;

/// <summary>
/// The rate tables shipped with the service, one per market, as data: <c>RateTables/Defaults/&lt;REGION&gt;.json</c>
/// embedded in the assembly, written in the JSON an administrator sends to <c>POST /v1/rateTables</c>.
/// </summary>
public static class DefaultRateTables
{
    /// <summary>The default table of <paramref name="regionCode"/>, from <paramref name="file"/> when given; null when none ships.</summary>
    public static async Task<RateTable?> LoadAsync(string regionCode, string? file, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(file))
        {
            return RateTableMapper.FromJson(await File.ReadAllTextAsync(file, cancellationToken));
        }

        await using var resource = typeof(DefaultRateTables).Assembly.GetManifestResourceStream($"Dixis.Shipping.RateTables.Defaults.{regionCode}.json");
        if (resource is null)
        {
            return null;
        }

        using var reader = new StreamReader(resource);
        return RateTableMapper.FromJson(await reader.ReadToEndAsync(cancellationToken));
    }
}
