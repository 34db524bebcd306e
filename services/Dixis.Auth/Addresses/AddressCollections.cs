namespace Dixis.Auth.Addresses;

/// <summary>The names of the address book's document collections.</summary>
public static class AddressCollections
{
    public const string Addresses = "addresses";

    public const string AddressBooks = "address_books";
}
