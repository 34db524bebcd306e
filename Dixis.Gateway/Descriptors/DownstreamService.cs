namespace Dixis.Gateway.Descriptors;

/// <summary>Which service owns a contract service: <paramref name="Name"/> as in service discovery (<c>services__&lt;name&gt;__grpc__0</c>).</summary>
/// <param name="ContractService">The proto service's full name, e.g. <c>dixis.catalog.v1.ProductService</c>.</param>
/// <param name="Name">The owning service, e.g. <c>catalog</c>.</param>
public sealed record DownstreamService(string ContractService, string Name);
