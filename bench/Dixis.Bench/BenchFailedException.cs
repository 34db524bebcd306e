namespace Dixis.Bench;

/// <summary>The benchmark could not produce a trustworthy figure; the message says which step failed and why.</summary>
public sealed class BenchFailedException(string message, Exception? inner = null) : Exception(message, inner);
