namespace Dixis.Bench.Cli;

/// <summary>A command-line argument the harness cannot accept; the message names the argument and the rule.</summary>
public sealed class BenchArgumentException(string message) : Exception(message);
