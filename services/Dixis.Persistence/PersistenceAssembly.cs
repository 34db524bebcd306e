namespace Dixis.Persistence;

public static class PersistenceAssembly;
