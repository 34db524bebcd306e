using Dixis.Bench.Commerce;
using Dixis.Bench.Echo.V1;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Orders.V1;
using Google.Protobuf;

namespace Dixis.Bench.Scenarios;

/// <summary>
/// Every scenario <c>bench/run</c> knows. Adding one is adding one entry here: a name, a target,
/// a method (or route) and the request it replays.
/// </summary>
public static class ScenarioCatalog
{
    /// <summary>
    /// The search the catalog scenarios replay: full text, a category and an attribute filter, with facets. The demo
    /// generator names every olive oil "…ελαιόλαδο…" and spreads them over regions, Crete among the largest, so after
    /// loading 100,000 products this matches thousands.
    /// </summary>
    public const string SearchQuery = "ελαιόλαδο";
    public const string SearchCategoryPath = "olive-oil";
    public const string SearchAttributeFilter = "origin_region:crete";

    /// <summary>A prefix as someone types it into the search box.</summary>
    public const string SuggestPrefix = "ελαι";

    /// <summary>The catalog's search-time histogram (milliseconds), whatever suffix its exporter adds.</summary>
    public const string SearchHistogram = "dixis_catalog_search_duration";

    /// <summary>The ceiling every other scenario is compared with; measured in every run.</summary>
    public static Scenario Echo { get; } = Scenario.Grpc(
        "echo",
        "trivial gRPC echo server only: the machine's ceiling",
        ScenarioTarget.EchoServer,
        EchoReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("EchoService").FindMethodByName("Echo"),
        new EchoRequest { Message = "ping" });

    /// <summary>The identity issue's login target is stated at 4 concurrent sign-ins (each one Argon2id hash of 19 MiB).</summary>
    public const int LoginConnections = 4;

    /// <summary>A product read by id, anonymous: its own scenario, and the baseline of the signed-in read.</summary>
    public static Scenario CatalogGet { get; } = Scenario.Grpc(
        "catalog.get",
        "GetProduct of a loaded product by id as native gRPC through the gateway (cached after the first call)",
        ScenarioTarget.Platform,
        ProductService.Descriptor.FindMethodByName(nameof(ProductService.ProductServiceClient.GetProduct)),
        new GetProductRequest()) with { BindRequest = sample => new GetProductRequest { ProductId = sample.ProductId } };

    public static IReadOnlyList<Scenario> All { get; } =
    [
        Echo,
        Scenario.Grpc(
            "gateway.category-tree",
            "GetCategoryTree as native gRPC through the gateway to Catalog (all languages)",
            ScenarioTarget.Platform,
            CategoryService.Descriptor.FindMethodByName(nameof(CategoryService.CategoryServiceClient.GetCategoryTree)),
            new GetCategoryTreeRequest()),
        Scenario.Grpc(
            "catalog.category-tree",
            "GetCategoryTree as native gRPC straight to Catalog, no gateway: splits the gateway figure into its parts",
            ScenarioTarget.Platform,
            CategoryService.Descriptor.FindMethodByName(nameof(CategoryService.CategoryServiceClient.GetCategoryTree)),
            new GetCategoryTreeRequest()) with { Resource = "catalog" },
        Scenario.JsonGet(
            "gateway.category-tree.json",
            "GET /v1/categories:tree as JSON through the gateway to Catalog (all languages)",
            "/v1/categories:tree"),
        CatalogGet,
        Scenario.Grpc(
            "catalog.get.authenticated",
            "catalog.get with a signed-in customer's access token (gateway and Catalog validate it); catalog.get anonymous is measured in the same runs as its baseline",
            ScenarioTarget.Platform,
            ProductService.Descriptor.FindMethodByName(nameof(ProductService.ProductServiceClient.GetProduct)),
            new GetProductRequest()) with
        {
            BindRequest = sample => new GetProductRequest { ProductId = sample.ProductId },
            SignedIn = true,
            Baseline = CatalogGet,
        },
        Scenario.Grpc(
            "catalog.get.direct",
            "GetProduct of the same product as native gRPC straight to Catalog, no gateway: splits catalog.get into gateway hop and service",
            ScenarioTarget.Platform,
            ProductService.Descriptor.FindMethodByName(nameof(ProductService.ProductServiceClient.GetProduct)),
            new GetProductRequest()) with { BindRequest = sample => new GetProductRequest { ProductId = sample.ProductId }, Resource = "catalog" },
        Scenario.JsonGet("catalog.get.json", "GET /v1/products/{id} of a loaded product as JSON through the gateway", "/v1/products/") with
        {
            BindPath = sample => $"/v1/products/{Uri.EscapeDataString(sample.ProductId)}",
        },
        Scenario.Grpc(
            "catalog.search",
            $"SearchProducts '{SearchQuery}' in {SearchCategoryPath}, {SearchAttributeFilter}, with facets, as native gRPC through the gateway; also p50/p99 inside Catalog",
            ScenarioTarget.Platform,
            SearchService.Descriptor.FindMethodByName(nameof(SearchService.SearchServiceClient.SearchProducts)),
            new SearchProductsRequest()) with { BindRequest = Search, ServiceHistogram = SearchHistogram },
        Scenario.JsonGet("catalog.search.json", "the same search as catalog.search, GET /v1/products:search as JSON through the gateway; also p50/p99 inside Catalog", "/v1/products:search") with
        {
            BindPath = SearchPath,
            ServiceHistogram = SearchHistogram,
        },
        Scenario.Grpc(
            "catalog.suggest",
            $"SuggestProducts for '{SuggestPrefix}' as native gRPC through the gateway",
            ScenarioTarget.Platform,
            SearchService.Descriptor.FindMethodByName(nameof(SearchService.SearchServiceClient.SuggestProducts)),
            Suggest()) with
        {
            // The request is fixed, but finds something only once products are loaded: binding checks that they are.
            BindRequest = _ => Suggest(),
        },
        Scenario.Grpc(
            "auth.login",
            $"Login of a registered customer as native gRPC through the gateway (Argon2id verify, a new session), {LoginConnections} connections by default",
            ScenarioTarget.Platform,
            AuthService.Descriptor.FindMethodByName(nameof(AuthService.AuthServiceClient.Login)),
            new LoginRequest()) with
        {
            BindCredentials = customer => new LoginRequest { Email = customer.Email, Password = customer.Password },
            DefaultConnections = LoginConnections,
        },
        Scenario.Grpc(
            "catalog.rebuild",
            "RebuildSearchIndex straight to Catalog as admin, GetSearchIndex until ready: the rebuild's duration and Catalog's peak RSS",
            ScenarioTarget.Platform,
            SearchService.Descriptor.FindMethodByName(nameof(SearchService.SearchServiceClient.RebuildSearchIndex)),
            new RebuildSearchIndexRequest()) with { Resource = "catalog", Kind = ScenarioKind.Rebuild },
        Scenario.Grpc(
            "cart.add_get",
            "guest carts through the gateway, AddCartLine and GetCart (re-priced from the catalog) in turn, driven by the harness's client",
            ScenarioTarget.Platform,
            CartService.Descriptor.FindMethodByName(nameof(CartService.CartServiceClient.AddCartLine)),
            new AddCartLineRequest()) with { Kind = ScenarioKind.Client, Workload = CartWorkload.CreateAsync },
        Scenario.Grpc(
            "orders.place",
            "PlaceOrder of a filled cart (3 lines, 2 producers, cash on delivery) by a signed-in customer through the gateway, a new idempotency key each, driven by the harness's client",
            ScenarioTarget.Platform,
            OrderService.Descriptor.FindMethodByName(nameof(OrderService.OrderServiceClient.PlaceOrder)),
            new PlaceOrderRequest()) with { Kind = ScenarioKind.Client, Workload = PlaceOrderWorkload.CreateAsync, WorkloadSignsIn = true },
    ];

    private static IMessage Search(CatalogSample sample) => new SearchProductsRequest
    {
        Query = SearchQuery,
        CategoryId = sample.CategoryId(SearchCategoryPath),
        AttributeFilters = { SearchAttributeFilter },
        IncludeFacets = true,
    };

    private static string SearchPath(CatalogSample sample) =>
        $"/v1/products:search?query={Uri.EscapeDataString(SearchQuery)}&categoryId={Uri.EscapeDataString(sample.CategoryId(SearchCategoryPath))}" +
        $"&attributeFilters={Uri.EscapeDataString(SearchAttributeFilter)}&includeFacets=true";

    private static SuggestProductsRequest Suggest() => new() { Query = SuggestPrefix, MaxSuggestions = 8 };

    public static void WriteList(TextWriter writer)
    {
        var width = All.Max(s => s.Name.Length);
        foreach (var scenario in All)
        {
            var how = scenario.Kind == ScenarioKind.Load ? scenario.Protocol.ToString().ToLowerInvariant() : "op";
            writer.WriteLine($"{scenario.Name.PadRight(width)}  {how,-4}  {scenario.Description}");
        }
    }
}
