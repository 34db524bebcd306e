using System.Text.Json;
using Dixis.Contracts.Auth.V1;
using Google.Protobuf;

namespace Dixis.Contracts.Tests.Rules;

/// <summary>The JWKS message serializes to the standard RFC 7517 document JWT libraries read.</summary>
public sealed class JwksDocumentTests
{
    [Fact]
    public void Json_form_is_a_standard_key_set()
    {
        var set = new JsonWebKeySet
        {
            Keys =
            {
                new JsonWebKey { Kty = "EC", Kid = "2026-11-a", Use = "sig", Alg = "ES256", Crv = "P-256", X = "f83O", Y = "x_FE" },
            },
        };

        using var json = JsonDocument.Parse(JsonFormatter.Default.Format(set));
        var key = Assert.Single(json.RootElement.GetProperty("keys").EnumerateArray());

        Assert.Equal(
            ["kty", "kid", "use", "alg", "crv", "x", "y"],
            key.EnumerateObject().Select(property => property.Name));
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
    }
}
