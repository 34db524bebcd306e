using Dixis.Orders.Extensions;
using Dixis.Orders.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapGrpcService<CartGrpcService>();
app.MapGrpcService<OrderGrpcService>();
app.MapGrpcService<PaymentGrpcService>();
app.MapDefaultEndpoints();
app.Run();
