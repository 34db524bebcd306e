using Dixis.AppHost.Dashboard;

namespace Dixis.AppHost.Tests.Dashboard;

public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData("Stripe__SecretKey")]
    [InlineData("DB_PASSWORD")]
    [InlineData("Auth__SigningKey")]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("api_key")]
    [InlineData("OTEL_EXPORTER_OTLP_HEADERS")]
    public void Variables_named_like_secrets_are_hidden_entirely(string key) =>
        Assert.Equal(SecretMasker.Hidden, SecretMasker.Mask(key, "s3cr3t"));

    [Theory]
    [InlineData("127.0.0.1:6379,password=s3cr3t,ssl=false", "127.0.0.1:6379,password=••••••,ssl=false")]
    [InlineData("Host=db;Username=app;Password=s3cr3t;Pooling=true", "Host=db;Username=app;Password=••••••;Pooling=true")]
    [InlineData("Server=db;User Id=sa;Pwd = s3cr3t", "Server=db;User Id=sa;Pwd = ••••••")]
    [InlineData("mongodb://admin:s3cr3t@127.0.0.1:27017/?replicaSet=rs0", "mongodb://admin:••••••@127.0.0.1:27017/?replicaSet=rs0")]
    [InlineData("http://127.0.0.1:5111", "http://127.0.0.1:5111")]
    [InlineData("Development", "Development")]
    public void Passwords_inside_connection_strings_are_hidden_and_the_rest_kept(string value, string shown) =>
        Assert.Equal(shown, SecretMasker.Mask("ConnectionStrings__mongo", value));
}
