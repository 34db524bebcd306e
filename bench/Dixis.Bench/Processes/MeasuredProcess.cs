namespace Dixis.Bench.Processes;

/// <summary>A process whose peak memory the report shows, by the name the report uses.</summary>
public sealed record MeasuredProcess(string Name, int Pid);
