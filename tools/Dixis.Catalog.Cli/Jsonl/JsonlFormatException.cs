namespace Dixis.Catalog.Cli.Jsonl;

/// <summary>A line of a JSON Lines file that is not an import row; the message names the line and what is wrong.</summary>
public sealed class JsonlFormatException(long lineNumber, string problem, Exception? inner = null)
    : Exception($"line {lineNumber}: {problem}", inner)
{
    public long LineNumber { get; } = lineNumber;
}
