using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Dixis.Gateway.OpenApi;

/// <summary>
/// The proto comments of the contracts. Runtime descriptors carry no source comments, but Grpc.Tools copies
/// them into the contracts assembly's XML documentation, which ships next to it; when that file is missing the
/// document is still complete, only without descriptions.
/// </summary>
public sealed partial class ProtoComments
{
    private readonly Dictionary<string, string> summaries;

    private ProtoComments(Dictionary<string, string> summaries) => this.summaries = summaries;

    /// <summary>Reads the XML documentation next to <paramref name="contractsAssembly"/>, if it is there.</summary>
    public static ProtoComments For(Assembly contractsAssembly)
    {
        ArgumentNullException.ThrowIfNull(contractsAssembly);

        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = string.IsNullOrEmpty(contractsAssembly.Location) ? null : Path.ChangeExtension(contractsAssembly.Location, ".xml");
        if (path is null || !File.Exists(path))
        {
            return new ProtoComments(summaries);
        }

        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            var name = member.Attribute("name")?.Value;
            var summary = member.Element("summary");
            if (name is not null && summary is not null)
            {
                var text = Whitespace().Replace(string.Concat(summary.Nodes().Select(Text)), " ").Trim();
                if (text.Length > 0)
                {
                    summaries[name] = text;
                }
            }
        }

        return new ProtoComments(summaries);
    }

    public string? Of(MessageDescriptor message) => Lookup($"T:{XmlName(message.ClrType)}");

    public string? Of(EnumDescriptor enumType) => Lookup($"T:{XmlName(enumType.ClrType)}");

    public string? Of(FieldDescriptor field) =>
        field.ContainingType?.ClrType is { } owner ? Lookup($"P:{XmlName(owner)}.{field.PropertyName}") : null;

    public string? Of(ServiceDescriptor service) => Lookup($"T:{ServiceClassName(service)}");

    public string? Of(MethodDescriptor method)
    {
        // Grpc.Tools documents the method on the generated service base class; the parameter list is not needed to identify it.
        var prefix = $"M:{ServiceClassName(method.Service)}.{method.Service.Name}Base.{method.Name}(";
        return summaries.FirstOrDefault(entry => entry.Key.StartsWith(prefix, StringComparison.Ordinal)).Value;
    }

    private string? Lookup(string key) => summaries.GetValueOrDefault(key);

    private static string ServiceClassName(ServiceDescriptor service) =>
        $"{service.File.GetOptions()?.CsharpNamespace}.{service.Name}";

    private static string? XmlName(Type? type) => type?.FullName?.Replace('+', '.');

    private static string Text(XNode node) => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "see" } see => see.Attribute("cref")?.Value.Split('.').Last() ?? see.Value,
        XElement element => element.Value,
        _ => string.Empty,
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
