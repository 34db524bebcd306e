namespace Dixis.Bench.Reporting;

/// <summary>One process's peak resident memory; null bytes when it could not be read (process gone).</summary>
public sealed record ProcessPeak(string Name, long? Bytes);
