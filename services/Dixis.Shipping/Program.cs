using Dixis.Shipping.Extensions;
using Dixis.Shipping.Grpc;
using Dixis.Shipping.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapGrpcService<RateGrpcService>();
app.MapGrpcService<ShipmentGrpcService>();
app.MapGrpcService<TrackingGrpcService>();
app.MapGrpcService<RateTableGrpcService>();
app.MapCarrierWebhooks();
app.MapDefaultEndpoints();
app.Run();
