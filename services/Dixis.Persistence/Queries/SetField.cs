namespace Dixis.Persistence.Queries;

/// <summary>Sets a field to a scalar value (already normalized by <see cref="ScalarValue"/>).</summary>
public sealed record SetField(string Field, object? Value) : FieldUpdate(Field);
