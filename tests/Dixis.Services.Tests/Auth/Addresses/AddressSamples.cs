using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Common.V1;

namespace Dixis.Services.Tests.Auth.Addresses;

/// <summary>Valid addresses to start from; tests change the one field they are about.</summary>
public static class AddressSamples
{
    public static Address Athens(string label = "Σπίτι") => new()
    {
        Label = label,
        PostalAddress = new PostalAddress
        {
            RegionCode = "GR",
            PostalCode = "10558",
            Locality = "Αθήνα",
            AdministrativeArea = "Αττική",
            AddressLines = { "Αδριανού 24", "3ος όροφος" },
            RecipientName = "Μαρία Παπαδοπούλου",
            PhoneNumber = "+302101234567",
            DeliveryNotes = "Κουδούνι: Παπαδοπούλου",
        },
    };
}
