using Dixis.ServiceDefaults.Security;
using Dixis.Testing.Tokens;
using Grpc.Core;

namespace Dixis.Services.Tests.Catalog;

/// <summary>Who a test calls the catalog as (see <see cref="TestCallers"/>).</summary>
public static class CatalogCallers
{
    public static Metadata Admin => TestCallers.Admin;

    public static Metadata Anonymous { get; } = [];

    public static Metadata Customer => TestCallers.Customer();

    public static Metadata Producer(string producerId) => TestCallers.Producer(producerId);

    /// <summary>An admin's token issued at <paramref name="now"/>, for a service whose clock a test has moved.</summary>
    public static Metadata AdminAt(DateTimeOffset now) => TestCallers.As("admin-1", [CallerRoles.Admin], issuedAt: now);
}
