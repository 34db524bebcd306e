using System.Text.RegularExpressions;
using Google.Api;

namespace Dixis.Gateway.OpenApi;

/// <summary>One REST binding of a method: a <c>google.api.http</c> rule or one of its <c>additional_bindings</c>.</summary>
/// <param name="Verb">Lower-case HTTP method as OpenAPI keys it (get, post, ...).</param>
/// <param name="Template">The proto path template, e.g. <c>/v1/{name=products/*}:archive</c>.</param>
/// <param name="Body"><c>*</c>, a request field name, or empty for no body.</param>
/// <param name="ResponseBody">A response field name, or empty for the whole response.</param>
public sealed partial record HttpRoute(string Verb, string Template, string Body, string ResponseBody)
{
    /// <summary>The template as an OpenAPI path: each variable becomes <c>{field.path}</c>.</summary>
    public string OpenApiPath => Variable().Replace(Template, match => $"{{{match.Groups["field"].Value}}}");

    /// <summary>Path variables in order: the request field path and the segment pattern it must match (<c>*</c> when none is given).</summary>
    public IReadOnlyList<(string FieldPath, string Pattern)> Variables =>
        [.. Variable().Matches(Template).Select(match => (
            match.Groups["field"].Value,
            match.Groups["pattern"].Success ? match.Groups["pattern"].Value : "*"))];

    /// <summary>The rule's own binding followed by its additional bindings, in declaration order.</summary>
    public static IReadOnlyList<HttpRoute> From(HttpRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);

        var routes = new List<HttpRoute>();
        if (Single(rule) is { } primary)
        {
            routes.Add(primary);
        }

        foreach (var binding in rule.AdditionalBindings)
        {
            if (Single(binding) is { } additional)
            {
                routes.Add(additional);
            }
        }

        return routes;
    }

    private static HttpRoute? Single(HttpRule rule)
    {
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("get", rule.Get),
            HttpRule.PatternOneofCase.Put => ("put", rule.Put),
            HttpRule.PatternOneofCase.Post => ("post", rule.Post),
            HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
            HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
            HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind.ToLowerInvariant(), rule.Custom.Path),
            _ => (string.Empty, string.Empty),
        };

        return string.IsNullOrEmpty(template) ? null : new HttpRoute(verb, template, rule.Body, rule.ResponseBody);
    }

    [GeneratedRegex(@"\{(?<field>[^}=]+)(=(?<pattern>[^}]*))?\}")]
    private static partial Regex Variable();
}
