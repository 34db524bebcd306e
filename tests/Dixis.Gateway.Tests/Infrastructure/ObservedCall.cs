namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>The metadata, deadline and message encoding (<c>grpc-encoding</c>, null for none) one downstream call arrived with.</summary>
public sealed record ObservedCall(IReadOnlyList<(string Key, string Value)> Headers, DateTime Deadline, string? MessageEncoding)
{
    public string? Header(string key) =>
        Headers.Where(header => string.Equals(header.Key, key, StringComparison.OrdinalIgnoreCase))
            .Select(header => header.Value)
            .FirstOrDefault();
}
