using System.ComponentModel.DataAnnotations;

namespace Dixis.Auth.Model;

/// <summary>Password rules and Argon2id cost (section <c>Auth:Passwords</c>). Defaults are OWASP's Argon2id recommendation.</summary>
public sealed class PasswordOptions
{
    public const string SectionName = "Auth:Passwords";

    /// <summary>The shortest password accepted.</summary>
    [Range(8, 128)]
    public int MinimumLength { get; set; } = 10;

    /// <summary>Argon2id memory per hash in KiB (19 MiB). Hashes with other parameters are re-hashed at the next sign-in.</summary>
    [Range(8 * 1024, 1024 * 1024)]
    public int MemorySizeKiB { get; set; } = 19 * 1024;

    /// <summary>Argon2id passes.</summary>
    [Range(1, 10)]
    public int Iterations { get; set; } = 2;

    /// <summary>How many hashes run at once; 0 means one per processor. Each holds <see cref="MemorySizeKiB"/> while it runs.</summary>
    [Range(0, 256)]
    public int MaxConcurrentHashes { get; set; }

    /// <summary>How many hash requests may wait for a slot; beyond that a request fails at once with RESOURCE_EXHAUSTED.</summary>
    [Range(0, 10_000)]
    public int MaxQueuedHashes { get; set; } = 64;
}
