namespace Dixis.Testing;

/// <summary>Placeholder until fixtures land.</summary>
public static class TestingAssembly;
