using System.Text.Json.Serialization;

namespace Dixis.AppHost.Hosting;

/// <summary>Source-generated JSON for the files the AppHost keeps in its data directory.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DevelopmentAdministrator))]
internal sealed partial class AppHostJsonContext : JsonSerializerContext;
