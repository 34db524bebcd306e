namespace Dixis.ServiceDefaults;

public static class ServiceDefaultsAssembly;
