namespace Dixis.AppHost.Dashboard.Api;

/// <summary>An error of the JSON API, e.g. an unknown resource name.</summary>
public sealed record ProblemView(int Status, string Title, string Detail);
