using System.Buffers.Text;
using Google.Protobuf;
using Microsoft.AspNetCore.DataProtection;

namespace Dixis.Auth.PersonalData;

/// <summary>
/// Field-level encryption of personal data at rest (addresses, phone numbers, names) with ASP.NET Core Data
/// Protection: authenticated encryption under the service's key ring, which lives apart from the database, so a
/// copied database file or a database dump reveals nothing. Each value carries the id of the key that protected
/// it, so values written before a key rotation keep decrypting with their old key.
/// </summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider)
{
    /// <summary>
    /// The Data Protection purpose: isolates these values from anything else protected with the same key ring
    /// (signing keys, cookies). Versioned so a future change of the stored format can use a purpose of its own.
    /// </summary>
    public const string Purpose = "Dixis.Auth.PersonalData.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    /// <summary>The protected form of <paramref name="plaintext"/> (URL-safe Base64); empty stays empty, so "not set" needs no key.</summary>
    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return plaintext.Length == 0 ? string.Empty : protector.Protect(plaintext);
    }

    /// <summary>The plaintext of a value from <see cref="Protect(string)"/>.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The value was tampered with, or its key is not in the key ring.</exception>
    public string Unprotect(string protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        return protectedValue.Length == 0 ? string.Empty : protector.Unprotect(protectedValue);
    }

    /// <summary>
    /// The protected form of a whole protobuf message (its binary encoding), so a structured value such as a
    /// <c>PostalAddress</c> is one ciphertext: neither its fields nor their number or lengths show.
    /// </summary>
    public string ProtectMessage(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Base64Url.EncodeToString(protector.Protect(message.ToByteArray()));
    }

    /// <summary>The message of a value from <see cref="ProtectMessage"/>.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The value was tampered with, or its key is not in the key ring.</exception>
    public T UnprotectMessage<T>(string protectedValue, MessageParser<T> parser)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        ArgumentNullException.ThrowIfNull(parser);
        return parser.ParseFrom(protector.Unprotect(Base64Url.DecodeFromChars(protectedValue)));
    }
}
