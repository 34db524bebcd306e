namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>The metadata and deadline one downstream call arrived with.</summary>
public sealed record ObservedCall(IReadOnlyList<(string Key, string Value)> Headers, DateTime Deadline)
{
    public string? Header(string key) =>
        Headers.Where(header => string.Equals(header.Key, key, StringComparison.OrdinalIgnoreCase))
            .Select(header => header.Value)
            .FirstOrDefault();
}
