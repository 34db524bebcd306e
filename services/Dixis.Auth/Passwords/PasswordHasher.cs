using System.Security.Cryptography;
using System.Text;
using Dixis.Auth.Model;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Dixis.Auth.Passwords;

/// <summary>
/// Argon2id password hashes (libsodium through NSec) in the PHC string format, with the configured cost.
/// Every hash and verification runs through the <see cref="PasswordHashingGate"/>.
/// </summary>
public sealed class PasswordHasher(PasswordHashingGate gate, IOptions<PasswordOptions> options)
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    // libsodium's Argon2id has one lane; the parameter is recorded so a hash states it.
    private const int Parallelism = 1;

    private readonly Lazy<string> dummyHash = new(() => HashNow("an unguessable dummy password " + Guid.NewGuid(), options.Value));

    /// <summary>A new hash of <paramref name="password"/> with the current parameters.</summary>
    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        gate.RunAsync(() => HashNow(password, options.Value), cancellationToken);

    /// <summary>
    /// Whether <paramref name="password"/> matches <paramref name="encodedHash"/>, and whether the hash was made with other
    /// parameters than the current ones (the caller then stores a fresh hash). A null hash (an unknown user) is checked
    /// against a dummy hash with the same cost, so the answer takes as long as for a real account.
    /// </summary>
    public Task<PasswordVerification> VerifyAsync(string password, string? encodedHash, CancellationToken cancellationToken) =>
        gate.RunAsync(() =>
        {
            var format = PasswordHashFormat.TryParse(encodedHash ?? dummyHash.Value) ?? PasswordHashFormat.TryParse(dummyHash.Value)!;
            var computed = Derive(password, format.Salt, format.MemorySizeKiB, format.Iterations, format.Hash.Length);
            var matches = CryptographicOperations.FixedTimeEquals(computed, format.Hash) && encodedHash is not null;
            var current = options.Value;
            var outdated = format.MemorySizeKiB != current.MemorySizeKiB || format.Iterations != current.Iterations || format.Parallelism != Parallelism;
            return new PasswordVerification(matches, matches && outdated);
        }, cancellationToken);

    private static string HashNow(string password, PasswordOptions parameters)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, parameters.MemorySizeKiB, parameters.Iterations, HashBytes);
        return new PasswordHashFormat(parameters.MemorySizeKiB, parameters.Iterations, Parallelism, salt, hash).Encode();
    }

    private static byte[] Derive(string password, byte[] salt, int memorySizeKiB, int iterations, int length)
    {
        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = Parallelism,
            MemorySize = memorySizeKiB,
            NumberOfPasses = iterations,
        });
        return algorithm.DeriveBytes(Encoding.UTF8.GetBytes(password), salt, length);
    }
}
