namespace Dixis.Auth.Addresses;

/// <summary>
/// One user's address book as a whole (collection <c>address_books</c>, id = owner id). Every change of the user's
/// addresses writes it in the same transaction, which makes it the point where those changes serialize: the
/// limit on addresses is one atomic conditional update, and two transactions that would each leave a different
/// address as the default conflict on MongoDB instead of both committing (write skew).
/// </summary>
/// <param name="AddressCount">How many addresses the book holds.</param>
/// <param name="UpdateTimeMs">When an address of the book last changed (Unix milliseconds).</param>
public sealed record AddressBookRecord(long AddressCount, long UpdateTimeMs);
