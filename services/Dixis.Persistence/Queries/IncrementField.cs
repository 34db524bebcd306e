namespace Dixis.Persistence.Queries;

/// <summary>Adds <paramref name="Amount"/> (negative to subtract) to a numeric field; a missing field counts as 0.</summary>
public sealed record IncrementField(string Field, long Amount) : FieldUpdate(Field);
