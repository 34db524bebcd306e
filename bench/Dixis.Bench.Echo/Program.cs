using Dixis.Bench.Echo.Grpc;
using Dixis.Bench.Echo.Lifetime;

var builder = WebApplication.CreateBuilder(args);

// Per-request logging would lower the ceiling it exists to measure.
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddGrpc();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<ParentProcessOptions>()
    .Configure<IConfiguration>((options, configuration) => options.ParentPid = configuration.GetValue<int?>("DIXIS_BENCH_PID"))
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddHostedService<ParentProcessWatch>();

var app = builder.Build();
app.MapGrpcService<EchoService>();
app.Run();
