namespace Dixis.AppHost.Model;

/// <summary>How to start a resource's process: an executable, its arguments, where, and with which variables.</summary>
/// <param name="FileName">The executable (full path).</param>
/// <param name="Arguments">Arguments, passed without shell interpretation.</param>
/// <param name="WorkingDirectory">The process's working directory (a project's folder, so its appsettings.json is found).</param>
public sealed record LaunchSpec(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory);
