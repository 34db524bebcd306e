using System.Globalization;
using System.Net;

namespace Dixis.AppHost.Dashboard.Pages;

/// <summary>The page shell and encoding every dashboard page shares. Everything shown is encoded: log lines are untrusted.</summary>
internal static class Html
{
    /// <summary>HTML-encodes text for element content and attribute values.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A full page: head with the stylesheet, the header with navigation, the body, optional script.</summary>
    public static string Page(string title, string body, string? scriptPath = null) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{Encode(title)} · Dixis AppHost</title>
          <link rel="stylesheet" href="/assets/dashboard.css">
        </head>
        <body>
          <header><a class="brand" href="/">Dixis <span>AppHost</span></a><nav><a href="/">Resources</a><a href="/api/resources">JSON API</a></nav></header>
          <main>
        {body}
          </main>
        {(scriptPath is null ? "" : $"""  <script src="{Encode(scriptPath)}"></script>""")}
        </body>
        </html>
        """;

    /// <summary>A duration the way people read it: <c>42 s</c>, <c>3 min 5 s</c>, <c>2 h 10 min</c>.</summary>
    public static string Duration(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 60 } => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalSeconds} s"),
        { TotalMinutes: < 60 } => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes} min {duration.Seconds} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours} h {duration.Minutes} min"),
    };
}
