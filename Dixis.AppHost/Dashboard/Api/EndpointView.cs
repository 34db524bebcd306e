namespace Dixis.AppHost.Dashboard.Api;

/// <summary>An endpoint in the JSON API.</summary>
public sealed record EndpointView(string Name, string Url);
