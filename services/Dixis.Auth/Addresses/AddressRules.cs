using System.Text.RegularExpressions;

namespace Dixis.Auth.Addresses;

/// <summary>The limits of an address book entry: what a parcel label, a carrier and a rate lookup can take.</summary>
public static partial class AddressRules
{
    public const int MaxLabelLength = 50;
    public const int MaxAddressLines = 4;
    public const int MaxAddressLineLength = 200;
    public const int MaxRecipientNameLength = 100;
    public const int MaxLocalityLength = 100;
    public const int MaxAdministrativeAreaLength = 100;
    public const int MaxDeliveryNotesLength = 500;

    /// <summary>The length of a postal code in a region without a known shape.</summary>
    public const int MaxPostalCodeLength = 16;

    /// <summary>A CLDR region code: two upper-case letters, e.g. <c>GR</c>.</summary>
    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    public static partial Regex RegionCode();

    /// <summary>An E.164 phone number: <c>+</c>, a country code not starting with 0, 7 to 15 digits in all.</summary>
    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    public static partial Regex PhoneNumber();
}
