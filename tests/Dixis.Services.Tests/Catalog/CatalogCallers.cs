using Dixis.ServiceDefaults.Security;
using Grpc.Core;

namespace Dixis.Services.Tests.Catalog;

/// <summary>Who a test calls the catalog as: the interim internal caller header, exactly as other services send it.</summary>
public static class CatalogCallers
{
    public static Metadata Admin { get; } = As("admin-1", [CallerRoles.Admin]);

    public static Metadata Anonymous { get; } = [];

    public static Metadata Customer { get; } = As("customer-1", [CallerRoles.Customer]);

    public static Metadata Producer(string producerId) => As($"user-of-{producerId}", [CallerRoles.Producer], producerId);

    private static Metadata As(string subject, string[] roles, string? producerId = null) =>
        [new Metadata.Entry(InternalCallerHeader.Name, InternalCallerHeader.Format(subject, roles, producerId))];
}
