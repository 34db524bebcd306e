using Dixis.Auth.PersonalData;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Persistence.Documents;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Auth.Addresses;

/// <summary>Stored addresses to contract messages and back: the only place personal data is encrypted or decrypted.</summary>
public sealed class AddressMapper(PersonalDataProtector protector)
{
    public Address ToContract(Document<AddressRecord> document)
    {
        var record = document.Value;
        return new Address
        {
            Id = document.Id,
            Label = protector.Unprotect(record.ProtectedLabel),
            PostalAddress = protector.UnprotectMessage(record.ProtectedPostalAddress, PostalAddress.Parser),
            DefaultShipping = record.DefaultShipping,
            CreateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(record.CreateTimeMs)),
            UpdateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(record.UpdateTimeMs)),
            Etag = Etag.Of(document.Version),
        };
    }

    /// <summary>
    /// The stored form of a validated address, trimmed, protected under the key ring's current key (so every write
    /// also moves the address to the newest key); owner and times come from the caller, never from the message.
    /// </summary>
    public AddressRecord ToRecord(Address address, string ownerId, long createTimeMs, long updateTimeMs) =>
        new(
            ownerId,
            protector.Protect(address.Label.Trim()),
            protector.ProtectMessage(Normalize(address.PostalAddress)),
            address.DefaultShipping,
            createTimeMs,
            updateTimeMs);

    private static PostalAddress Normalize(PostalAddress postal)
    {
        var normalized = new PostalAddress
        {
            RegionCode = postal.RegionCode,
            PostalCode = postal.PostalCode.Trim(),
            Locality = postal.Locality.Trim(),
            AdministrativeArea = postal.AdministrativeArea.Trim(),
            RecipientName = postal.RecipientName.Trim(),
            PhoneNumber = postal.PhoneNumber,
            DeliveryNotes = postal.DeliveryNotes.Trim(),
        };
        normalized.AddressLines.AddRange(postal.AddressLines.Select(line => line.Trim()));
        return normalized;
    }
}
