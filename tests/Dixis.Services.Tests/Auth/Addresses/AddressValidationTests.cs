using Dixis.Contracts.Auth.V1;
using Dixis.Services.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Services.Tests.Auth.Addresses;

/// <summary>Every bad address is INVALID_ARGUMENT naming its field, and changes nothing.</summary>
public sealed class AddressValidationTests(AddressServiceFixture fixture) : IClassFixture<AddressServiceFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private AddressService.AddressServiceClient Addresses => fixture.Addresses;

    public static TheoryData<string, string> BadAddresses => new()
    {
        { "no postal address", "address.postal_address" },
        { "no region", "address.postal_address.region_code" },
        { "lower-case region", "address.postal_address.region_code" },
        { "three-letter region", "address.postal_address.region_code" },
        { "no postal code", "address.postal_address.postal_code" },
        { "four-digit Greek postal code", "address.postal_address.postal_code" },
        { "Greek postal code with letters", "address.postal_address.postal_code" },
        { "17-character foreign postal code", "address.postal_address.postal_code" },
        { "no locality", "address.postal_address.locality" },
        { "no address line", "address.postal_address.address_lines" },
        { "five address lines", "address.postal_address.address_lines" },
        { "blank address line", "address.postal_address.address_lines[1]" },
        { "201-character address line", "address.postal_address.address_lines[0]" },
        { "no recipient", "address.postal_address.recipient_name" },
        { "101-character recipient", "address.postal_address.recipient_name" },
        { "local phone number", "address.postal_address.phone_number" },
        { "phone with spaces", "address.postal_address.phone_number" },
        { "phone country code 0", "address.postal_address.phone_number" },
        { "51-character label", "address.label" },
        { "501-character delivery notes", "address.postal_address.delivery_notes" },
        { "101-character administrative area", "address.postal_address.administrative_area" },
    };

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public async Task A_bad_address_is_refused_naming_its_field(string mistake, string field)
    {
        var user = AddressCallers.For(AddressCallers.NewUserId());
        var address = Break(AddressSamples.Athens(), mistake);

        var violation = await RpcAssert.InvalidFieldAsync(() => Addresses.CreateAddressAsync(new CreateAddressRequest { Address = address }, user, cancellationToken: Cancellation), field, "INVALID_FIELD");

        Assert.Equal(field, violation.Field);
        Assert.Empty((await Addresses.ListAddressesAsync(new ListAddressesRequest(), user, cancellationToken: Cancellation)).Addresses);
    }

    [Fact]
    public async Task Every_bad_field_is_named_in_one_answer()
    {
        var address = AddressSamples.Athens();
        address.PostalAddress.PostalCode = "1";
        address.PostalAddress.Locality = " ";
        address.PostalAddress.PhoneNumber = "210 1234567";

        var error = await RpcAssert.FailsAsync(
            () => Addresses.CreateAddressAsync(new CreateAddressRequest { Address = address }, AddressCallers.For(AddressCallers.NewUserId()), cancellationToken: Cancellation),
            StatusCode.InvalidArgument);

        RpcAssert.Violation(error, "address.postal_address.postal_code");
        RpcAssert.Violation(error, "address.postal_address.locality");
        RpcAssert.Violation(error, "address.postal_address.phone_number");
        Assert.DoesNotContain("210 1234567", error.Status.Detail);
    }

    [Fact]
    public async Task Foreign_addresses_and_optional_fields_are_accepted()
    {
        var address = AddressSamples.Athens(label: string.Empty);
        address.PostalAddress.RegionCode = "DE";
        address.PostalAddress.PostalCode = "10115";
        address.PostalAddress.Locality = "Berlin";
        address.PostalAddress.AdministrativeArea = string.Empty;
        address.PostalAddress.PhoneNumber = string.Empty;
        address.PostalAddress.DeliveryNotes = string.Empty;

        var created = await Addresses.CreateAddressAsync(new CreateAddressRequest { Address = address }, AddressCallers.For(AddressCallers.NewUserId()), cancellationToken: Cancellation);

        Assert.Equal(address.PostalAddress, created.PostalAddress);
        Assert.Empty(created.Label);
    }

    [Fact]
    public async Task An_update_is_validated_as_the_address_it_would_store()
    {
        var user = AddressCallers.For(AddressCallers.NewUserId());
        var created = await Addresses.CreateAddressAsync(new CreateAddressRequest { Address = AddressSamples.Athens() }, user, cancellationToken: Cancellation);

        await RpcAssert.InvalidFieldAsync(
            () => Addresses.UpdateAddressAsync(Update(created.Id, new Address { PostalAddress = new() { PhoneNumber = "6900000000" } }, "postal_address.phone_number"), user, cancellationToken: Cancellation),
            "address.postal_address.phone_number", "INVALID_FIELD");
        await RpcAssert.InvalidFieldAsync(
            () => Addresses.UpdateAddressAsync(Update(created.Id, new Address(), "postal_address"), user, cancellationToken: Cancellation),
            "address.postal_address", "INVALID_FIELD");
        await RpcAssert.InvalidFieldAsync(
            () => Addresses.UpdateAddressAsync(Update(created.Id, new Address { PostalAddress = new() }, "postal_address.region_code"), user, cancellationToken: Cancellation),
            "address.postal_address.region_code", "INVALID_FIELD");
        await RpcAssert.InvalidFieldAsync(
            () => Addresses.UpdateAddressAsync(Update(created.Id, new Address { PostalAddress = new() { RegionCode = "GR", PostalCode = "SW1A 1AA" } }, "postal_address.postal_code"), user, cancellationToken: Cancellation),
            "address.postal_address.postal_code", "INVALID_FIELD");

        Assert.Equal(created, await Addresses.GetAddressAsync(new GetAddressRequest { AddressId = created.Id }, user, cancellationToken: Cancellation));
    }

    [Theory]
    [InlineData("id", "FIELD_NOT_WRITABLE")]
    [InlineData("create_time", "FIELD_NOT_WRITABLE")]
    [InlineData("update_time", "FIELD_NOT_WRITABLE")]
    [InlineData("etag", "FIELD_NOT_WRITABLE")]
    [InlineData("owner", "INVALID_FIELD")]
    [InlineData("postal_address.country", "INVALID_FIELD")]
    [InlineData("postal_address.", "INVALID_FIELD")]
    public async Task An_update_mask_names_only_writable_fields(string path, string reason)
    {
        var user = AddressCallers.For(AddressCallers.NewUserId());
        var created = await Addresses.CreateAddressAsync(new CreateAddressRequest { Address = AddressSamples.Athens() }, user, cancellationToken: Cancellation);

        await RpcAssert.InvalidFieldAsync(() => Addresses.UpdateAddressAsync(Update(created.Id, created, "label", path), user, cancellationToken: Cancellation), "update_mask", reason);
    }

    [Fact]
    public async Task An_update_needs_an_id_and_a_mask_and_a_get_needs_an_id()
    {
        var user = AddressCallers.For(AddressCallers.NewUserId());
        await RpcAssert.InvalidFieldAsync(() => Addresses.UpdateAddressAsync(Update(string.Empty, new Address(), "label"), user, cancellationToken: Cancellation), "address.id");
        await RpcAssert.InvalidFieldAsync(
            () => Addresses.UpdateAddressAsync(new UpdateAddressRequest { Address = new Address { Id = "x", Label = "a" } }, user, cancellationToken: Cancellation), "update_mask");
        await RpcAssert.InvalidFieldAsync(() => Addresses.GetAddressAsync(new GetAddressRequest(), user, cancellationToken: Cancellation), "address_id");
        await RpcAssert.InvalidFieldAsync(() => Addresses.DeleteAddressAsync(new DeleteAddressRequest(), user, cancellationToken: Cancellation), "address_id");
        await RpcAssert.FailsAsync(() => Addresses.GetAddressAsync(new GetAddressRequest { AddressId = new string('x', 300) }, user, cancellationToken: Cancellation), StatusCode.NotFound);
    }

    private static UpdateAddressRequest Update(string id, Address values, params string[] paths)
    {
        var address = values.Clone();
        address.Id = id;
        address.Etag = string.Empty;
        var request = new UpdateAddressRequest { Address = address, UpdateMask = new FieldMask() };
        request.UpdateMask.Paths.AddRange(paths);
        return request;
    }

    private static Address Break(Address address, string mistake)
    {
        var postal = address.PostalAddress;
        switch (mistake)
        {
            case "no postal address": address.PostalAddress = null; break;
            case "no region": postal.RegionCode = string.Empty; break;
            case "lower-case region": postal.RegionCode = "gr"; break;
            case "three-letter region": postal.RegionCode = "GRC"; break;
            case "no postal code": postal.PostalCode = "  "; break;
            case "four-digit Greek postal code": postal.PostalCode = "1055"; break;
            case "Greek postal code with letters": postal.PostalCode = "1055A"; break;
            case "17-character foreign postal code": postal.RegionCode = "DE"; postal.PostalCode = new string('1', 17); break;
            case "no locality": postal.Locality = string.Empty; break;
            case "no address line": postal.AddressLines.Clear(); break;
            case "five address lines": postal.AddressLines.AddRange(["a", "b", "c"]); break;
            case "blank address line": postal.AddressLines[1] = " "; break;
            case "201-character address line": postal.AddressLines[0] = new string('α', 201); break;
            case "no recipient": postal.RecipientName = string.Empty; break;
            case "101-character recipient": postal.RecipientName = new string('Μ', 101); break;
            case "local phone number": postal.PhoneNumber = "2101234567"; break;
            case "phone with spaces": postal.PhoneNumber = "+30 210 1234567"; break;
            case "phone country code 0": postal.PhoneNumber = "+0302101234567"; break;
            case "51-character label": address.Label = new string('λ', 51); break;
            case "501-character delivery notes": postal.DeliveryNotes = new string('ν', 501); break;
            case "101-character administrative area": postal.AdministrativeArea = new string('Α', 101); break;
            default: throw new ArgumentOutOfRangeException(nameof(mistake), mistake, "No such mistake.");
        }

        return address;
    }
}
