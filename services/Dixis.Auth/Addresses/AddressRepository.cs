using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.Persistence.Transactions;

namespace Dixis.Auth.Addresses;

/// <summary>
/// The stored address books. Every write runs in one transaction with the owner's <see cref="AddressBookRecord"/>,
/// which keeps the address count exact and serializes an owner's changes, so at most one address stays the default.
/// </summary>
public sealed class AddressRepository(IDocumentStore store)
{
    /// <summary>Longer ids were never issued (they are UUIDs); they are not looked up at all.</summary>
    private const int MaxIdLength = 64;

    private IDocumentCollection<AddressRecord> Addresses => store.Collection<AddressRecord>(AddressCollections.Addresses);

    private IDocumentCollection<AddressBookRecord> Books => store.Collection<AddressBookRecord>(AddressCollections.AddressBooks);

    /// <summary>The address if it exists and belongs to <paramref name="ownerId"/>; null for a missing one and another user's alike.</summary>
    public async Task<Document<AddressRecord>?> GetOwnedAsync(string addressId, string ownerId, CancellationToken cancellationToken)
    {
        if (addressId.Length > MaxIdLength)
        {
            return null;
        }

        var document = await Addresses.GetAsync(addressId, cancellationToken);
        return document?.Value.OwnerId == ownerId ? document : null;
    }

    /// <summary>One page of the owner's addresses, default first, then newest first; the page token is bound to the owner.</summary>
    public async Task<(IReadOnlyList<Document<AddressRecord>> Items, string NextPageToken)> PageAsync(
        string ownerId, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var fingerprint = $"ListAddresses|{ownerId}";
        var query = new Query
        {
            Filter = Filter.Eq("ownerId", ownerId),
            Sort = [SortField.DescendingBy("defaultShipping"), SortField.DescendingBy("createTimeMs")],
            PageSize = pageSize,
        };
        return await Addresses.PageAsync(query, pageToken, fingerprint, AddressErrors.Domain, cancellationToken);
    }

    /// <summary>Adds an address if the owner's book has room; a new default clears the previous one.</summary>
    /// <returns>The stored address, or null when the book already holds <paramref name="maxAddresses"/>.</returns>
    public async Task<Document<AddressRecord>?> InsertAsync(string addressId, AddressRecord record, int maxAddresses, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        var books = Books.In(transaction);
        var counted = await books.UpdateIfAsync(
            record.OwnerId,
            Filter.Lt("addressCount", maxAddresses),
            Update.Combine(Update.Inc("addressCount", 1), Update.Set("updateTimeMs", record.UpdateTimeMs)),
            cancellationToken);
        if (!counted)
        {
            if (await books.GetAsync(record.OwnerId, cancellationToken) is not null)
            {
                return null;
            }

            await books.InsertAsync(record.OwnerId, new AddressBookRecord(1, record.UpdateTimeMs), cancellationToken);
        }

        if (record.DefaultShipping)
        {
            await ClearDefaultAsync(transaction, record.OwnerId, exceptAddressId: addressId, record.UpdateTimeMs, cancellationToken);
        }

        var stored = await Addresses.In(transaction).InsertAsync(addressId, record, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>
    /// Changes an address of the owner in one transaction: <paramref name="change"/> sees the address as it is inside
    /// the transaction (on SQLite no other write can come between) and returns its new state, or throws to change
    /// nothing; becoming the default clears the previous one.
    /// </summary>
    /// <returns>The stored address, or null when the owner has no address with this id.</returns>
    /// <exception cref="Persistence.Errors.ConcurrencyConflictException">Another write came first (engines whose transactions do not serialize writers).</exception>
    public async Task<Document<AddressRecord>?> UpdateAsync(
        string addressId, string ownerId, Func<Document<AddressRecord>, AddressRecord> change, CancellationToken cancellationToken)
    {
        if (addressId.Length > MaxIdLength)
        {
            return null;
        }

        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        var addresses = Addresses.In(transaction);
        var current = await addresses.GetAsync(addressId, cancellationToken);
        if (current is null || current.Value.OwnerId != ownerId)
        {
            return null;
        }

        var record = change(current);
        await TouchBookAsync(transaction, ownerId, record.UpdateTimeMs, cancellationToken);
        if (record.DefaultShipping)
        {
            await ClearDefaultAsync(transaction, ownerId, exceptAddressId: addressId, record.UpdateTimeMs, cancellationToken);
        }

        var stored = await addresses.ReplaceAsync(addressId, record, current.Version, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>Removes an address of the owner.</summary>
    /// <returns>false when it was already gone.</returns>
    public async Task<bool> DeleteAsync(string addressId, string ownerId, long nowMs, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        if (!await Addresses.In(transaction).DeleteAsync(addressId, cancellationToken: cancellationToken))
        {
            return false;
        }

        await Books.In(transaction).UpdateIfAsync(
            ownerId,
            Filter.Gt("addressCount", 0),
            Update.Combine(Update.Inc("addressCount", -1), Update.Set("updateTimeMs", nowMs)),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Writes the owner's book, so that two transactions changing the same book conflict instead of both committing.</summary>
    private Task TouchBookAsync(ITransaction transaction, string ownerId, long nowMs, CancellationToken cancellationToken) =>
        Books.In(transaction).UpdateIfAsync(ownerId, Filter.Gte("addressCount", 0), Update.Set("updateTimeMs", nowMs), cancellationToken);

    private async Task ClearDefaultAsync(ITransaction transaction, string ownerId, string exceptAddressId, long nowMs, CancellationToken cancellationToken)
    {
        var addresses = Addresses.In(transaction);
        var defaults = await addresses.QueryAsync(
            new Query { Filter = Filter.And(Filter.Eq("ownerId", ownerId), Filter.Eq("defaultShipping", true)), PageSize = 100 },
            cancellationToken);
        foreach (var previous in defaults.Items.Where(document => document.Id != exceptAddressId))
        {
            await addresses.UpdateIfAsync(
                previous.Id,
                Filter.Eq("defaultShipping", true),
                Update.Combine(Update.Set("defaultShipping", false), Update.Set("updateTimeMs", nowMs)),
                cancellationToken);
        }
    }
}
