using System.Net;
using System.Security.Claims;
using Dixis.Gateway.RateLimiting;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Gateway.Tests.RateLimiting;

/// <summary>Which limits a call counts against, by its address, its caller and its method.</summary>
public sealed class RateLimitBucketSelectorTests
{
    private const string CatalogRead = "/dixis.catalog.v1.ProductService/GetProduct";
    private const string Login = "/dixis.auth.v1.AuthService/Login";

    private static readonly RateLimitBucketSelector Selector = new(Microsoft.Extensions.Options.Options.Create(new RateLimitOptions()));

    [Fact]
    public void An_anonymous_call_counts_against_its_address_only()
    {
        var bucket = Assert.Single(Selector.Select(IPAddress.Parse("203.0.113.7"), new ClaimsPrincipal(new ClaimsIdentity()), CatalogRead));

        Assert.Equal("dixis:rl:ip:203.0.113.7", bucket.Key);
        Assert.Equal("ip", bucket.Limit);
    }

    [Fact]
    public void An_authenticated_user_counts_against_the_address_and_the_user()
    {
        var user = Principal((CallerClaims.Subject, "user-42"), (CallerClaims.Role, CallerRoles.Admin));

        var buckets = Selector.Select(IPAddress.Parse("203.0.113.7"), user, CatalogRead);

        Assert.Equal(["dixis:rl:ip:203.0.113.7", "dixis:rl:user:user-42"], buckets.Select(bucket => bucket.Key));
        Assert.Equal(new RateLimitOptions().PerUser.IntervalMicroseconds, buckets[1].IntervalMicroseconds);
    }

    [Fact]
    public void A_partner_client_counts_against_the_client_not_as_a_user()
    {
        var partner = Principal((CallerClaims.Subject, "client-7"), (CallerClaims.ClientId, "client-7"));

        var buckets = Selector.Select(IPAddress.Parse("203.0.113.7"), partner, CatalogRead);

        Assert.Equal(["ip", "client"], buckets.Select(bucket => bucket.Limit));
        Assert.Equal("dixis:rl:client:client-7", buckets[1].Key);
    }

    [Fact]
    public void A_sensitive_method_also_counts_against_the_sensitive_limit_of_the_address()
    {
        var buckets = Selector.Select(IPAddress.Parse("203.0.113.7"), Principal((CallerClaims.Subject, "user-42")), Login);

        Assert.Equal(["ip", "user", "sensitive"], buckets.Select(bucket => bucket.Limit));
        Assert.Equal("dixis:rl:sensitive:ip:203.0.113.7", buckets[2].Key);
        Assert.Equal(new RateLimitOptions().Sensitive.ToleranceMicroseconds, buckets[2].ToleranceMicroseconds);
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData(null, RateLimitBucketSelector.UnknownAddress)]
    public void Addresses_are_grouped_as_one_subscriber_holds_them(string? address, string expected) =>
        Assert.Equal(expected, RateLimitBucketSelector.AddressKey(address is null ? null : IPAddress.Parse(address)));

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), authenticationType: "test"));
}
