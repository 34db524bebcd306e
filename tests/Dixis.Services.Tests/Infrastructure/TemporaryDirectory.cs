namespace Dixis.Services.Tests.Infrastructure;

/// <summary>Unique folders under the system temp directory for test data.</summary>
public static class TemporaryDirectory
{
    public static string Create() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dixis-tests", Guid.NewGuid().ToString("N"))).FullName;

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a stopping host; the temp folder is cleaned by the OS eventually.
        }
    }
}
