using Dixis.Auth.Extensions;
using Dixis.Auth.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapGrpcService<AuthGrpcService>();
app.MapGrpcService<JwksGrpcService>();
app.MapGrpcService<ProfileGrpcService>();
app.MapGrpcService<AddressGrpcService>();
app.MapGrpcService<UserAdminGrpcService>();
app.MapGrpcService<PartnerClientGrpcService>();
app.MapGrpcService<TokenRevocationGrpcService>();
app.MapDefaultEndpoints();
app.Run();
