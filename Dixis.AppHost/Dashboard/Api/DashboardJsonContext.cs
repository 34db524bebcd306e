using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dixis.AppHost.Dashboard.Api;

/// <summary>Source-generated JSON for the dashboard's API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ResourceView))]
[JsonSerializable(typeof(IReadOnlyList<ResourceView>))]
[JsonSerializable(typeof(IReadOnlyList<LogLineView>))]
[JsonSerializable(typeof(LogLineView))]
[JsonSerializable(typeof(ProblemView))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
