namespace Dixis.Bench.Load;

/// <summary>What an external tool printed and how it ended.</summary>
public sealed record ToolOutput(int ExitCode, string StandardOutput, string StandardError);
