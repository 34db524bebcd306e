using Dixis.Auth.Addresses;
using Dixis.Persistence.Definitions;

namespace Dixis.Auth.Extensions;

/// <summary>The signed-in user's address book (<c>dixis.auth.v1.AddressService</c>), stored encrypted.</summary>
public static class AddressBookRegistration
{
    /// <summary>
    /// The address book's services and options (<c>Auth:Addresses</c>). Needs <see cref="DataProtectionRegistration.AddAuthDataProtection"/>
    /// (called here, it is idempotent) and the collections of <see cref="DeclareAddressBook"/> in the document store.
    /// </summary>
    public static IHostApplicationBuilder AddAddressBook(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAuthDataProtection();
        builder.Services.AddOptions<AddressBookOptions>()
            .BindConfiguration(AddressBookOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var services = builder.Services;
        services.AddSingleton<AddressRepository>();
        services.AddSingleton<AddressMapper>();
        services.AddSingleton<AddressValidator>();
        services.AddSingleton<AddressReader>();
        services.AddSingleton<AddressWriter>();
        return builder;
    }

    /// <summary>
    /// The collections <c>addresses</c> (by owner, default first, newest first; sharded by owner so one user's book
    /// stays on one shard) and <c>address_books</c> (one per owner).
    /// </summary>
    public static DocumentStoreBuilder DeclareAddressBook(this DocumentStoreBuilder store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store
            .Collection<AddressRecord>(AddressCollections.Addresses, addresses => addresses
                .Index("ownerId", "defaultShipping", "createTimeMs")
                .ShardKey("ownerId", hashed: true)
                .Json(AddressJsonContext.Default.AddressRecord))
            .Collection<AddressBookRecord>(AddressCollections.AddressBooks, books => books
                .Json(AddressJsonContext.Default.AddressBookRecord));
    }
}
