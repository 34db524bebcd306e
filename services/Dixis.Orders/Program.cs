using Dixis.Orders.Extensions;
using Dixis.Orders.Grpc;
using Dixis.Orders.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapGrpcService<CartGrpcService>();
app.MapGrpcService<OrderGrpcService>();
app.MapGrpcService<PaymentGrpcService>();
app.MapStripeWebhook();
app.MapDefaultEndpoints();
app.Run();
