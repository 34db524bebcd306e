using Dixis.Contracts.Auth.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Dixis.Auth.Addresses;

/// <summary>Adds, changes and removes addresses of the caller's own book.</summary>
public sealed partial class AddressWriter(
    AddressRepository repository,
    AddressMapper mapper,
    AddressValidator validator,
    IOptions<AddressBookOptions> options,
    TimeProvider timeProvider,
    ILogger<AddressWriter> logger)
{
    /// <summary>How often an update without an etag is merged again onto an address that changed under it.</summary>
    private const int MaxUpdateAttempts = 3;

    public async Task<Address> CreateAsync(Address request, Caller caller, CancellationToken cancellationToken)
    {
        var owner = AddressOwner.Of(caller);
        validator.Validate(request).ThrowIfAny(AddressErrors.Domain);

        // Output-only fields of the request (id, times, etag) are ignored: the service assigns them.
        var now = timeProvider.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var id = Guid.CreateVersion7(now).ToString("D");
        var max = options.Value.MaxAddressesPerUser;
        var stored = await repository.InsertAsync(id, mapper.ToRecord(request, owner, nowMs, nowMs), max, cancellationToken)
            ?? throw AddressErrors.AddressBookFull(max);
        LogAddressAdded(owner, id);
        return mapper.ToContract(stored);
    }

    public async Task<Address> UpdateAsync(Address request, FieldMask? mask, Caller caller, CancellationToken cancellationToken)
    {
        var owner = AddressOwner.Of(caller);
        if (string.IsNullOrEmpty(request.Id))
        {
            throw RpcErrors.InvalidField(AddressErrors.Domain, "address.id", "is required.");
        }

        var paths = AddressUpdateMask.Paths(mask);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var stored = await repository.UpdateAsync(request.Id, owner, current => Merge(current, request, paths, owner), cancellationToken);
                return stored is null ? throw AddressErrors.AddressNotFound(request.Id) : mapper.ToContract(stored);
            }
            catch (ConcurrencyConflictException) when (request.Etag.Length == 0 && attempt < MaxUpdateAttempts)
            {
                // Another write came between our read and our write (only where transactions do not serialize
                // writers). Without an etag the caller asked for its masked fields to win: merge onto the new state.
            }
            catch (ConcurrencyConflictException)
            {
                throw RpcErrors.EtagMismatch(AddressErrors.Domain, request.Id);
            }
        }
    }

    /// <summary>The new state of <paramref name="current"/>: the request's masked fields over it, validated as a whole.</summary>
    private AddressRecord Merge(Document<AddressRecord> current, Address request, IReadOnlyList<string> paths, string owner)
    {
        if (request.Etag.Length > 0 && (!Etag.TryParse(request.Etag, out var version) || version != current.Version))
        {
            throw RpcErrors.EtagMismatch(AddressErrors.Domain, current.Id);
        }

        var merged = mapper.ToContract(current);
        AddressUpdateMask.Apply(paths, request, merged);
        validator.Validate(merged).ThrowIfAny(AddressErrors.Domain);
        return mapper.ToRecord(merged, owner, current.Value.CreateTimeMs, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>Removes an address; NOT_FOUND when it is not (or no longer) in the caller's book, as AIP-135 asks.</summary>
    public async Task DeleteAsync(string addressId, Caller caller, CancellationToken cancellationToken)
    {
        var owner = AddressOwner.Of(caller);
        if (string.IsNullOrEmpty(addressId))
        {
            throw RpcErrors.InvalidField(AddressErrors.Domain, "address_id", "is required.");
        }

        if (await repository.GetOwnedAsync(addressId, owner, cancellationToken) is null
            || !await repository.DeleteAsync(addressId, owner, timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken))
        {
            throw AddressErrors.AddressNotFound(addressId);
        }

        LogAddressDeleted(owner, addressId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} added address {AddressId}")]
    private partial void LogAddressAdded(string userId, string addressId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} deleted address {AddressId}")]
    private partial void LogAddressDeleted(string userId, string addressId);
}
