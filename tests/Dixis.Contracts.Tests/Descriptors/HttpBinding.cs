using System.Text.RegularExpressions;
using Google.Api;

namespace Dixis.Contracts.Tests.Descriptors;

/// <summary>One HTTP verb and path template of a method's <c>google.api.http</c> rule.</summary>
internal sealed partial record HttpBinding(string Verb, string Path, string Body)
{
    public static HttpBinding From(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => new("GET", rule.Get, rule.Body),
        HttpRule.PatternOneofCase.Post => new("POST", rule.Post, rule.Body),
        HttpRule.PatternOneofCase.Put => new("PUT", rule.Put, rule.Body),
        HttpRule.PatternOneofCase.Patch => new("PATCH", rule.Patch, rule.Body),
        HttpRule.PatternOneofCase.Delete => new("DELETE", rule.Delete, rule.Body),
        HttpRule.PatternOneofCase.Custom => new(rule.Custom.Kind.ToUpperInvariant(), rule.Custom.Path, rule.Body),
        _ => new("NONE", string.Empty, rule.Body),
    };

    /// <summary>
    /// The route as a router sees it: variable names removed, so <c>/v1/a/{x}</c> and
    /// <c>/v1/a/{y}</c> count as the same route.
    /// </summary>
    public string RouteKey => $"{Verb} {Variable().Replace(Path, "{}")}";

    /// <summary>The field paths bound from the path, e.g. <c>product.id</c>.</summary>
    public IEnumerable<string> VariableFieldPaths =>
        Variable().Matches(Path).Select(match => match.Groups["field"].Value);

    [GeneratedRegex(@"\{(?<field>[a-z0-9_.]+)(=[^}]*)?\}")]
    private static partial Regex Variable();
}
