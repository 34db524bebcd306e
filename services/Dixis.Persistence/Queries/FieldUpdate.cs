namespace Dixis.Persistence.Queries;

/// <summary>One change to one field, part of an <see cref="Update"/>.</summary>
public abstract record FieldUpdate(string Field);
