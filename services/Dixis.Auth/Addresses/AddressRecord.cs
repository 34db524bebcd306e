namespace Dixis.Auth.Addresses;

/// <summary>
/// An address as stored (collection <c>addresses</c>, id = address id). Only what the store must filter and sort
/// on is plaintext; everything the user typed is ciphertext of <see cref="PersonalData.PersonalDataProtector"/>.
/// Times are Unix milliseconds.
/// </summary>
/// <param name="OwnerId">The user whose address book holds the address (the caller's subject).</param>
/// <param name="ProtectedLabel">The label, protected; empty when there is none.</param>
/// <param name="ProtectedPostalAddress">The whole <c>dixis.common.v1.PostalAddress</c>, serialized and protected as one value.</param>
/// <param name="DefaultShipping">Whether checkout proposes this address first; at most one per owner.</param>
/// <param name="CreateTimeMs">When the address was added.</param>
/// <param name="UpdateTimeMs">When the address was last changed.</param>
public sealed record AddressRecord(
    string OwnerId,
    string ProtectedLabel,
    string ProtectedPostalAddress,
    bool DefaultShipping,
    long CreateTimeMs,
    long UpdateTimeMs);
