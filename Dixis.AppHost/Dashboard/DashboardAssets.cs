namespace Dixis.AppHost.Dashboard;

/// <summary>The stylesheet and scripts, embedded in the assembly so the dashboard works wherever the AppHost runs (also inside a test).</summary>
internal static class DashboardAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    };

    /// <summary>The asset named <paramref name="file"/> (e.g. <c>dashboard.css</c>), or null.</summary>
    public static (byte[] Content, string ContentType)? Find(string file)
    {
        if (!ContentTypes.TryGetValue(Path.GetExtension(file), out var contentType))
        {
            return null;
        }

        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream($"Dixis.AppHost.Dashboard.{file}");
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return (buffer.ToArray(), contentType);
    }
}
