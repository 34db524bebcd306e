using System.Buffers.Text;
using System.Text;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Services.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Auth.Addresses;

/// <summary>
/// Addresses are personal data: what lands on disk is ciphertext under the auth service's Data Protection key ring,
/// which survives restarts and rotation.
/// </summary>
public sealed class AddressEncryptionTests
{
    private const string Street = "Οδός Δοκιμής 42";
    private const string Phone = "+306900000042";
    private const string Recipient = "Ξενοφών Δοκιμαστόπουλος";
    private const string PostalCode = "QX9 4ZZ";
    private const string Locality = "Δοκιμούπολη";
    private const string Notes = "Κουδούνι Δοκιμαστόπουλος";
    private const string Label = "Ετικέτα-δοκιμής";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_store_holds_no_personal_data_in_plaintext_while_the_api_returns_it()
    {
        var dataDirectory = TemporaryDirectory.Create();
        try
        {
            var userId = AddressCallers.NewUserId();
            await using (var auth = DixisServices.Start("auth", new ServiceSettings(dataDirectory)))
            {
                using var channel = auth.CreateGrpcChannel();
                var addresses = new AddressService.AddressServiceClient(channel);
                var created = await addresses.CreateAddressAsync(new CreateAddressRequest { Address = Marked() }, AddressCallers.For(userId), cancellationToken: Cancellation);

                Assert.Equal(Marked().PostalAddress, created.PostalAddress);
                Assert.Equal(Label, created.Label);
                Assert.Equal(created, await addresses.GetAddressAsync(new GetAddressRequest { AddressId = created.Id }, AddressCallers.For(userId), cancellationToken: Cancellation));

                // While the service runs, the newest pages may sit in SQLite's write-ahead log: read every file.
                AssertNoMarkerInAnyFile(dataDirectory);
            }

            var body = Assert.Single(ReadStoredBodies(dataDirectory));
            Assert.Contains(userId, body);
            AssertNoMarker(Encoding.UTF8.GetBytes(body), "the stored document");
            AssertNoMarkerInAnyFile(dataDirectory);
        }
        finally
        {
            TemporaryDirectory.Delete(dataDirectory);
        }
    }

    [Fact]
    public async Task Addresses_survive_a_restart_that_shares_the_data_directory_and_key_ring()
    {
        var dataDirectory = TemporaryDirectory.Create();
        try
        {
            var user = AddressCallers.For(AddressCallers.NewUserId());
            Address created;
            await using (var first = DixisServices.Start("auth", new ServiceSettings(dataDirectory)))
            {
                using var channel = first.CreateGrpcChannel();
                created = await new AddressService.AddressServiceClient(channel).CreateAddressAsync(new CreateAddressRequest { Address = Marked() }, user, cancellationToken: Cancellation);
            }

            Assert.True(Directory.EnumerateFiles(Path.Combine(dataDirectory, "auth.keys"), "key-*.xml").Any(), "The key ring lives in <data directory>/auth.keys.");
            await using var second = DixisServices.Start("auth", new ServiceSettings(dataDirectory));
            using var secondChannel = second.CreateGrpcChannel();
            var read = await new AddressService.AddressServiceClient(secondChannel).GetAddressAsync(new GetAddressRequest { AddressId = created.Id }, user, cancellationToken: Cancellation);

            Assert.Equal(created, read);
        }
        finally
        {
            TemporaryDirectory.Delete(dataDirectory);
        }
    }

    [Fact]
    public async Task After_a_key_rotation_old_addresses_still_decrypt_and_new_writes_use_the_new_key()
    {
        var dataDirectory = TemporaryDirectory.Create();
        try
        {
            var user = AddressCallers.For(AddressCallers.NewUserId());
            Address old, untouched;
            Guid oldKey, newKey;
            await using (var auth = DixisServices.Start("auth", new ServiceSettings(dataDirectory)))
            {
                using var channel = auth.CreateGrpcChannel();
                var addresses = new AddressService.AddressServiceClient(channel);
                old = await addresses.CreateAddressAsync(new CreateAddressRequest { Address = Marked() }, user, cancellationToken: Cancellation);
                untouched = await addresses.CreateAddressAsync(new CreateAddressRequest { Address = AddressSamples.Athens("Παλιά") }, user, cancellationToken: Cancellation);
                oldKey = KeyIdOf(old.Id, dataDirectory);

                var now = DateTimeOffset.UtcNow;
                newKey = auth.Services.GetRequiredService<IKeyManager>().CreateNewKey(activationDate: now, expirationDate: now.AddDays(90)).KeyId;
                Assert.NotEqual(oldKey, newKey);

                // Whether a key minutes old protects at once depends on Data Protection's propagation policy (a new key
                // should reach every replica first); either way, what it protects decrypts.
                var meanwhile = await addresses.CreateAddressAsync(new CreateAddressRequest { Address = AddressSamples.Athens("Ενδιάμεση") }, user, cancellationToken: Cancellation);
                Assert.Contains(KeyIdOf(meanwhile.Id, dataDirectory), new[] { oldKey, newKey });
                Assert.Equal(meanwhile, await addresses.GetAddressAsync(new GetAddressRequest { AddressId = meanwhile.Id }, user, cancellationToken: Cancellation));
            }

            // Three days later the new key has propagated by any policy.
            KeyRingClock.Advance(Path.Combine(dataDirectory, "auth.keys"), TimeSpan.FromDays(3));

            await using var later = DixisServices.Start("auth", new ServiceSettings(dataDirectory));
            using var laterChannel = later.CreateGrpcChannel();
            var laterAddresses = new AddressService.AddressServiceClient(laterChannel);
            Assert.Equal(newKey, later.Services.GetRequiredService<IKeyManager>().GetAllKeys().MaxBy(key => key.ActivationDate)!.KeyId);

            var created = await laterAddresses.CreateAddressAsync(new CreateAddressRequest { Address = AddressSamples.Athens("Νέα") }, user, cancellationToken: Cancellation);
            Assert.Equal(newKey, KeyIdOf(created.Id, dataDirectory));

            Assert.Equal(oldKey, KeyIdOf(untouched.Id, dataDirectory));
            var readBack = await laterAddresses.GetAddressAsync(new GetAddressRequest { AddressId = untouched.Id }, user, cancellationToken: Cancellation);
            Assert.Equal(untouched.PostalAddress, readBack.PostalAddress);
            Assert.Equal(untouched.Label, readBack.Label);

            // A change re-encrypts the address under the key that is current now.
            var changed = await laterAddresses.UpdateAddressAsync(
                new UpdateAddressRequest { Address = new Address { Id = old.Id, Label = "Αλλαγμένη" }, UpdateMask = new() { Paths = { "label" } } },
                user, cancellationToken: Cancellation);
            Assert.Equal(newKey, KeyIdOf(old.Id, dataDirectory));
            Assert.Equal(Marked().PostalAddress, changed.PostalAddress);
            Assert.Equal(4, (await laterAddresses.ListAddressesAsync(new ListAddressesRequest(), user, cancellationToken: Cancellation)).Addresses.Count);
        }
        finally
        {
            TemporaryDirectory.Delete(dataDirectory);
        }
    }

    [Fact]
    public async Task The_key_ring_folder_and_key_lifetime_come_from_configuration()
    {
        var keyRing = TemporaryDirectory.Create();
        try
        {
            using var settings = new ServiceSettings { Values = { ["Auth:DataProtection:KeyRingDirectory"] = keyRing, ["Auth:DataProtection:KeyLifetime"] = "30.00:00:00" } };
            var dataDirectory = settings.DataDirectory;
            await using var auth = DixisServices.Start("auth", settings);
            using var channel = auth.CreateGrpcChannel();
            await new AddressService.AddressServiceClient(channel).CreateAddressAsync(
                new CreateAddressRequest { Address = AddressSamples.Athens() }, AddressCallers.For(AddressCallers.NewUserId()), cancellationToken: Cancellation);

            var key = Assert.Single(auth.Services.GetRequiredService<IKeyManager>().GetAllKeys());
            Assert.Equal(TimeSpan.FromDays(30), key.ExpirationDate - key.ActivationDate);
            Assert.Single(Directory.EnumerateFiles(keyRing, "key-*.xml"));
            Assert.False(Directory.Exists(Path.Combine(dataDirectory, "auth.keys")));
        }
        finally
        {
            TemporaryDirectory.Delete(keyRing);
        }
    }

    [Fact]
    public async Task A_key_lifetime_below_seven_days_stops_the_service_at_start()
    {
        await using var auth = DixisServices.Start("auth", new ServiceSettings { Values = { ["Auth:DataProtection:KeyLifetime"] = "1.00:00:00" } });

        var error = Assert.ThrowsAny<Exception>(() => auth.CreateHttpClient());

        Assert.Contains("KeyLifetime", error.ToString());
    }

    private static Address Marked() => new()
    {
        Label = Label,
        PostalAddress = new PostalAddress
        {
            RegionCode = "GB",
            PostalCode = PostalCode,
            Locality = Locality,
            AddressLines = { Street },
            RecipientName = Recipient,
            PhoneNumber = Phone,
            DeliveryNotes = Notes,
        },
    };

    private static void AssertNoMarkerInAnyFile(string dataDirectory)
    {
        var files = Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, file => file.EndsWith("auth.db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            AssertNoMarker(bytes.ToArray(), file);
        }
    }

    private static void AssertNoMarker(byte[] content, string where)
    {
        foreach (var marker in new[] { Street, Phone, Recipient, PostalCode, Locality, Notes, Label })
        {
            foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
            {
                Assert.False(content.AsSpan().IndexOf(encoding.GetBytes(marker)) >= 0, $"'{marker}' is in plaintext in {where}.");
            }
        }
    }

    private static List<string> ReadStoredBodies(string dataDirectory)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "auth.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM addresses";
        using var reader = command.ExecuteReader();
        var bodies = new List<string>();
        while (reader.Read())
        {
            bodies.Add(reader.GetString(0));
        }

        return bodies;
    }

    /// <summary>The Data Protection key an address's postal address is encrypted under: bytes 4 to 20 of the payload, after its magic header.</summary>
    private static Guid KeyIdOf(string addressId, string dataDirectory)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "auth.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_extract(body, '$.protectedPostalAddress') FROM addresses WHERE id = $id";
        command.Parameters.AddWithValue("$id", addressId);
        var payload = Base64Url.DecodeFromChars((string)command.ExecuteScalar()!);
        return new Guid(payload.AsSpan(4, 16));
    }
}
