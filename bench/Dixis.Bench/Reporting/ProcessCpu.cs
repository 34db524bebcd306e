namespace Dixis.Bench.Reporting;

/// <summary>One process's CPU time (user + system) per completed request in a measured window; null when it could not be read.</summary>
public sealed record ProcessCpu(string Name, double? MicrosecondsPerRequest);
