namespace Dixis.Auth.Addresses;

/// <summary>
/// The limits of an address book entry beyond its postal address, whose rules every service shares
/// (<see cref="ServiceDefaults.Addresses.PostalAddressRules"/>).
/// </summary>
public static class AddressRules
{
    public const int MaxLabelLength = 50;
}
