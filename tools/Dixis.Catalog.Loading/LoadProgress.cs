namespace Dixis.Catalog.Loading;

/// <summary>How far one stage of a load has come, e.g. 4,000 of 10,000 rows sent; <see cref="Total"/> is null when unknown.</summary>
/// <param name="Stage">What is being done, e.g. <c>import</c>: one progress bar per stage.</param>
/// <param name="Done">Units finished so far.</param>
/// <param name="Total">Units in all, when known.</param>
/// <param name="Unit">What is counted, e.g. <c>rows</c>.</param>
public sealed record LoadProgress(string Stage, long Done, long? Total, string Unit);
