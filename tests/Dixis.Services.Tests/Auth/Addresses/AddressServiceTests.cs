using Dixis.Contracts.Auth.V1;
using Dixis.Services.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Services.Tests.Auth.Addresses;

/// <summary><c>AddressService</c> on the real auth service: a user's own address book.</summary>
public sealed class AddressServiceTests(AddressServiceFixture fixture) : IClassFixture<AddressServiceFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private AddressService.AddressServiceClient Addresses => fixture.Addresses;

    [Fact]
    public async Task A_user_adds_reads_changes_and_deletes_an_address()
    {
        var user = AddressCallers.For(AddressCallers.NewUserId());
        var request = AddressSamples.Athens();
        request.Id = "chosen-by-client";
        request.Etag = "\"99\"";
        request.CreateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch);

        var created = await Addresses.CreateAddressAsync(new CreateAddressRequest { Address = request }, user, cancellationToken: Cancellation);

        Assert.NotEqual("chosen-by-client", created.Id);
        Assert.True(Guid.TryParse(created.Id, out _));
        Assert.NotEqual(DateTimeOffset.UnixEpoch, created.CreateTime.ToDateTimeOffset());
        Assert.Equal(created.CreateTime, created.UpdateTime);
        Assert.Equal("\"1\"", created.Etag);
        Assert.Equal(AddressSamples.Athens().PostalAddress, created.PostalAddress);
        Assert.Equal("Σπίτι", created.Label);

        var read = await Addresses.GetAddressAsync(new GetAddressRequest { AddressId = created.Id }, user, cancellationToken: Cancellation);
        Assert.Equal(created, read);

        var changed = await Addresses.UpdateAddressAsync(
            new UpdateAddressRequest
            {
                Address = new Address { Id = created.Id, Etag = created.Etag, Label = "Γραφείο", PostalAddress = new() { PhoneNumber = "+306912345678" } },
                UpdateMask = new FieldMask { Paths = { "label", "postal_address.phone_number" } },
            },
            user, cancellationToken: Cancellation);
        Assert.Equal("Γραφείο", changed.Label);
        Assert.Equal("+306912345678", changed.PostalAddress.PhoneNumber);
        Assert.Equal("Αδριανού 24", changed.PostalAddress.AddressLines[0]);
        Assert.Equal("10558", changed.PostalAddress.PostalCode);
        Assert.NotEqual(created.Etag, changed.Etag);
        Assert.Equal(created.CreateTime, changed.CreateTime);

        await Addresses.DeleteAddressAsync(new DeleteAddressRequest { AddressId = created.Id }, user, cancellationToken: Cancellation);

        await RpcAssert.FailsAsync(() => Addresses.GetAddressAsync(new GetAddressRequest { AddressId = created.Id }, user, cancellationToken: Cancellation), StatusCode.NotFound, "NOT_FOUND");
        await RpcAssert.FailsAsync(() => Addresses.DeleteAddressAsync(new DeleteAddressRequest { AddressId = created.Id }, user, cancellationToken: Cancellation), StatusCode.NotFound, "NOT_FOUND");
        Assert.Empty((await Addresses.ListAddressesAsync(new ListAddressesRequest(), user, cancellationToken: Cancellation)).Addresses);
    }

    [Fact]
    public async Task A_whole_postal_address_is_replaced_by_its_mask_path()
    {
        var user = AddressCallers.For(AddressCallers.NewUserId());
        var created = await Addresses.CreateAddressAsync(new CreateAddressRequest { Address = AddressSamples.Athens() }, user, cancellationToken: Cancellation);
        var replacement = AddressSamples.Athens().PostalAddress;
        replacement.AddressLines.Clear();
        replacement.AddressLines.Add("Εγνατίας 10");
        replacement.PostalCode = "54630";
        replacement.Locality = "Θεσσαλονίκη";
        replacement.DeliveryNotes = string.Empty;

        var changed = await Addresses.UpdateAddressAsync(
            new UpdateAddressRequest { Address = new Address { Id = created.Id, Label = "ignored", PostalAddress = replacement }, UpdateMask = new FieldMask { Paths = { "postal_address" } } },
            user, cancellationToken: Cancellation);

        Assert.Equal(replacement, changed.PostalAddress);
        Assert.Equal("Σπίτι", changed.Label);
    }

    [Fact]
    public async Task Another_users_address_is_not_found_and_never_listed()
    {
        var owner = AddressCallers.For(AddressCallers.NewUserId());
        var stranger = AddressCallers.For(AddressCallers.NewUserId());
        var address = await Addresses.CreateAddressAsync(new CreateAddressRequest { Address = AddressSamples.Athens() }, owner, cancellationToken: Cancellation);
        await Addresses.CreateAddressAsync(new CreateAddressRequest { Address = AddressSamples.Athens("Εξοχικό") }, stranger, cancellationToken: Cancellation);
        var missing = Guid.CreateVersion7().ToString("D");

        var foreignGet = await RpcAssert.FailsAsync(() => Addresses.GetAddressAsync(new GetAddressRequest { AddressId = address.Id }, stranger, cancellationToken: Cancellation), StatusCode.NotFound, "NOT_FOUND");
        var missingGet = await RpcAssert.FailsAsync(() => Addresses.GetAddressAsync(new GetAddressRequest { AddressId = missing }, stranger, cancellationToken: Cancellation), StatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(missingGet.Status.Detail.Replace(missing, "{id}"), foreignGet.Status.Detail.Replace(address.Id, "{id}"));
        await RpcAssert.FailsAsync(
            () => Addresses.UpdateAddressAsync(new UpdateAddressRequest { Address = new Address { Id = address.Id, Label = "Mine now" }, UpdateMask = new FieldMask { Paths = { "label" } } }, stranger, cancellationToken: Cancellation),
            StatusCode.NotFound, "NOT_FOUND");
        await RpcAssert.FailsAsync(() => Addresses.DeleteAddressAsync(new DeleteAddressRequest { AddressId = address.Id }, stranger, cancellationToken: Cancellation), StatusCode.NotFound, "NOT_FOUND");

        var strangersList = await Addresses.ListAddressesAsync(new ListAddressesRequest(), stranger, cancellationToken: Cancellation);
        Assert.DoesNotContain(strangersList.Addresses, a => a.Id == address.Id);
        Assert.Single(strangersList.Addresses);
        var unchanged = await Addresses.GetAddressAsync(new GetAddressRequest { AddressId = address.Id }, owner, cancellationToken: Cancellation);
        Assert.Equal(address, unchanged);
    }

    [Fact]
    public async Task Anonymous_callers_and_partner_clients_have_no_address_book()
    {
        var anonymous = AddressCallers.Anonymous;
        await RpcAssert.FailsAsync(() => Addresses.ListAddressesAsync(new ListAddressesRequest(), anonymous, cancellationToken: Cancellation), StatusCode.Unauthenticated);
        await RpcAssert.FailsAsync(() => Addresses.GetAddressAsync(new GetAddressRequest { AddressId = "a" }, anonymous, cancellationToken: Cancellation), StatusCode.Unauthenticated);
        await RpcAssert.FailsAsync(() => Addresses.CreateAddressAsync(new CreateAddressRequest { Address = AddressSamples.Athens() }, anonymous, cancellationToken: Cancellation), StatusCode.Unauthenticated);
        await RpcAssert.FailsAsync(
            () => Addresses.UpdateAddressAsync(new UpdateAddressRequest { Address = new Address { Id = "a" }, UpdateMask = new FieldMask { Paths = { "label" } } }, anonymous, cancellationToken: Cancellation),
            StatusCode.Unauthenticated);
        await RpcAssert.FailsAsync(() => Addresses.DeleteAddressAsync(new DeleteAddressRequest { AddressId = "a" }, anonymous, cancellationToken: Cancellation), StatusCode.Unauthenticated);

        await RpcAssert.FailsAsync(
            () => Addresses.CreateAddressAsync(new CreateAddressRequest { Address = AddressSamples.Athens() }, AddressCallers.PartnerClient("partner-1"), cancellationToken: Cancellation),
            StatusCode.PermissionDenied, "ACCESS_DENIED");
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_changes_nothing()
    {
        var user = AddressCallers.For(AddressCallers.NewUserId());
        var created = await Addresses.CreateAddressAsync(new CreateAddressRequest { Address = AddressSamples.Athens() }, user, cancellationToken: Cancellation);
        await Addresses.UpdateAddressAsync(
            new UpdateAddressRequest { Address = new Address { Id = created.Id, Label = "Πρώτη αλλαγή", Etag = created.Etag }, UpdateMask = new FieldMask { Paths = { "label" } } },
            user, cancellationToken: Cancellation);

        await RpcAssert.FailsAsync(
            () => Addresses.UpdateAddressAsync(new UpdateAddressRequest { Address = new Address { Id = created.Id, Label = "Παλιά", Etag = created.Etag }, UpdateMask = new FieldMask { Paths = { "label" } } }, user, cancellationToken: Cancellation),
            StatusCode.Aborted, "ETAG_MISMATCH");
        await RpcAssert.FailsAsync(
            () => Addresses.UpdateAddressAsync(new UpdateAddressRequest { Address = new Address { Id = created.Id, Label = "Άκυρη", Etag = "not-an-etag" }, UpdateMask = new FieldMask { Paths = { "label" } } }, user, cancellationToken: Cancellation),
            StatusCode.Aborted, "ETAG_MISMATCH");

        Assert.Equal("Πρώτη αλλαγή", (await Addresses.GetAddressAsync(new GetAddressRequest { AddressId = created.Id }, user, cancellationToken: Cancellation)).Label);
    }

    [Fact]
    public async Task Only_one_address_is_the_default_and_it_is_listed_first()
    {
        var user = AddressCallers.For(AddressCallers.NewUserId());
        var first = await CreateAsync(user, "Πρώτη", defaultShipping: true);
        var second = await CreateAsync(user, "Δεύτερη");
        var third = await CreateAsync(user, "Τρίτη", defaultShipping: true);

        var list = await Addresses.ListAddressesAsync(new ListAddressesRequest(), user, cancellationToken: Cancellation);
        Assert.Equal(third.Id, list.Addresses[0].Id);
        Assert.Equal([true, false, false], list.Addresses.Select(a => a.DefaultShipping));
        AssertDefaultThenNewest(list);
        Assert.NotEqual(first.Etag, list.Addresses.Single(a => a.Id == first.Id).Etag);

        await Addresses.UpdateAddressAsync(
            new UpdateAddressRequest { Address = new Address { Id = second.Id, DefaultShipping = true }, UpdateMask = new FieldMask { Paths = { "default_shipping" } } },
            user, cancellationToken: Cancellation);
        list = await Addresses.ListAddressesAsync(new ListAddressesRequest(), user, cancellationToken: Cancellation);
        Assert.Equal(second.Id, list.Addresses[0].Id);
        Assert.Single(list.Addresses, a => a.DefaultShipping);
        AssertDefaultThenNewest(list);

        // Many concurrent "make this my default": whichever commits last wins, and never two stay default.
        var all = list.Addresses.Select(a => a.Id).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Addresses.UpdateAddressAsync(
            new UpdateAddressRequest { Address = new Address { Id = all[i % all.Length], DefaultShipping = true }, UpdateMask = new FieldMask { Paths = { "default_shipping" } } },
            user, cancellationToken: Cancellation).ResponseAsync));
        list = await Addresses.ListAddressesAsync(new ListAddressesRequest(), user, cancellationToken: Cancellation);
        Assert.Single(list.Addresses, a => a.DefaultShipping);
        Assert.True(list.Addresses[0].DefaultShipping);
    }

    [Fact]
    public async Task Pages_return_every_address_exactly_once_and_tokens_belong_to_their_user()
    {
        var user = AddressCallers.For(AddressCallers.NewUserId());
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await CreateAsync(user, $"Διεύθυνση {i}", defaultShipping: i == 3)).Id);
        }

        var seen = new List<string>();
        var request = new ListAddressesRequest { PageSize = 3 };
        var pages = 0;
        do
        {
            var page = await Addresses.ListAddressesAsync(request, user, cancellationToken: Cancellation);
            Assert.True(page.Addresses.Count <= 3);
            seen.AddRange(page.Addresses.Select(a => a.Id));
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(created.Count, seen.Distinct().Count());
        Assert.Equal(created.Count, seen.Count);
        Assert.Equal(created[3], seen[0]);
        AssertDefaultThenNewest(await Addresses.ListAddressesAsync(new ListAddressesRequest(), user, cancellationToken: Cancellation));

        var firstPage = await Addresses.ListAddressesAsync(new ListAddressesRequest { PageSize = 3 }, user, cancellationToken: Cancellation);
        var stranger = AddressCallers.For(AddressCallers.NewUserId());
        await RpcAssert.InvalidFieldAsync(
            () => Addresses.ListAddressesAsync(new ListAddressesRequest { PageToken = firstPage.NextPageToken }, stranger, cancellationToken: Cancellation), "page_token", "INVALID_PAGE_TOKEN");
        await RpcAssert.InvalidFieldAsync(
            () => Addresses.ListAddressesAsync(new ListAddressesRequest { PageToken = "garbage" }, user, cancellationToken: Cancellation), "page_token", "INVALID_PAGE_TOKEN");
        await RpcAssert.InvalidFieldAsync(
            () => Addresses.ListAddressesAsync(new ListAddressesRequest { PageSize = 101 }, user, cancellationToken: Cancellation), "page_size", "PAGE_SIZE_TOO_LARGE");
        await RpcAssert.InvalidFieldAsync(
            () => Addresses.ListAddressesAsync(new ListAddressesRequest { PageSize = -1 }, user, cancellationToken: Cancellation), "page_size");
        Assert.Equal(7, (await Addresses.ListAddressesAsync(new ListAddressesRequest { PageSize = 100 }, user, cancellationToken: Cancellation)).Addresses.Count);
    }

    [Fact]
    public async Task A_book_holds_at_most_fifty_addresses()
    {
        var user = AddressCallers.For(AddressCallers.NewUserId());
        var created = new List<Address>();
        for (var i = 0; i < 40; i++)
        {
            created.Add(await CreateAsync(user, $"#{i}"));
        }

        // Racing for the last ten places: exactly ten win, whatever the interleaving.
        var race = await Task.WhenAll(Enumerable.Range(40, 15).Select(async i =>
        {
            try
            {
                return await CreateAsync(user, $"#{i}");
            }
            catch (RpcException full) when (full.StatusCode == StatusCode.FailedPrecondition)
            {
                return null;
            }
        }));
        Assert.Equal(10, race.Count(address => address is not null));

        var full = await RpcAssert.FailsAsync(
            () => Addresses.CreateAddressAsync(new CreateAddressRequest { Address = AddressSamples.Athens("#51") }, user, cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "ADDRESS_BOOK_FULL");
        Assert.Contains("50", full.Status.Detail);
        var list = await Addresses.ListAddressesAsync(new ListAddressesRequest { PageSize = 100 }, user, cancellationToken: Cancellation);
        Assert.Equal(50, list.Addresses.Count);
        Assert.Empty(list.NextPageToken);

        await Addresses.DeleteAddressAsync(new DeleteAddressRequest { AddressId = created[0].Id }, user, cancellationToken: Cancellation);
        await CreateAsync(user, "#51");

        var someoneElse = AddressCallers.For(AddressCallers.NewUserId());
        await CreateAsync(someoneElse, "Ο πρώτος μου");
    }

    /// <summary>The default first, then newest first (addresses created in the same millisecond may come in either order).</summary>
    private static void AssertDefaultThenNewest(ListAddressesResponse list)
    {
        var keys = list.Addresses.Select(a => (a.DefaultShipping, a.CreateTime.ToDateTimeOffset())).ToList();
        Assert.Equal(keys.OrderByDescending(k => k.DefaultShipping).ThenByDescending(k => k.Item2), keys);
    }

    private Task<Address> CreateAsync(Metadata user, string label, bool defaultShipping = false)
    {
        var address = AddressSamples.Athens(label);
        address.DefaultShipping = defaultShipping;
        return Addresses.CreateAddressAsync(new CreateAddressRequest { Address = address }, user, cancellationToken: Cancellation).ResponseAsync;
    }
}
