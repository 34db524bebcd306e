namespace Dixis.Persistence.Definitions;

/// <summary>A declared index over one or more fields (ascending), optionally unique.</summary>
public sealed record IndexDefinition(string Name, IReadOnlyList<string> Fields, bool Unique);
