namespace Dixis.Bench.Load;

/// <summary>How hard and how long one measurement drives its target.</summary>
/// <param name="Duration">The measured window; requests before it (warm-up) are not counted.</param>
/// <param name="WarmUp">Load applied first and thrown away, so JIT, connection setup and caches do not skew figures.</param>
/// <param name="Connections">Concurrent connections, each with one request in flight.</param>
public sealed record LoadSettings(TimeSpan Duration, TimeSpan WarmUp, int Connections);
