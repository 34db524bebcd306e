using Dixis.Catalog.Extensions;
using Dixis.Catalog.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapGrpcService<ProductGrpcService>();
app.MapGrpcService<CategoryGrpcService>();
app.MapGrpcService<InventoryGrpcService>();
app.MapGrpcService<ProducerGrpcService>();
app.MapGrpcService<SearchGrpcService>();
app.MapDefaultEndpoints();
app.Run();
