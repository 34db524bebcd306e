using System.Security.Cryptography;
using Dixis.Auth.Model;
using Microsoft.IdentityModel.Tokens;

namespace Dixis.Auth.SigningKeys;

/// <summary>One loaded key of the ring: the private key that signs, and the public key that verifies and is published.</summary>
public sealed class SigningKey
{
    public SigningKey(SigningKeyRecord record, ECDsa privateKey)
    {
        Record = record;
        Signing = new ECDsaSecurityKey(privateKey) { KeyId = record.KeyId };
        var publicKey = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(record.X), Y = Base64UrlEncoder.DecodeBytes(record.Y) },
        });
        Verification = new ECDsaSecurityKey(publicKey) { KeyId = record.KeyId };
    }

    public SigningKeyRecord Record { get; }

    public string KeyId => Record.KeyId;

    public int Generation => Record.Generation;

    public DateTimeOffset CreateTime => DateTimeOffset.FromUnixTimeMilliseconds(Record.CreateTimeMs);

    /// <summary>The private key, for <see cref="SigningCredentials"/>.</summary>
    public ECDsaSecurityKey Signing { get; }

    /// <summary>The public key only, for verification.</summary>
    public ECDsaSecurityKey Verification { get; }
}
