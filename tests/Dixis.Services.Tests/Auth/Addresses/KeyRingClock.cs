using System.Xml;
using System.Xml.Linq;

namespace Dixis.Services.Tests.Auth.Addresses;

/// <summary>
/// Lets time pass for a stopped service's Data Protection key ring by moving every key's dates back: the same as the
/// clock moving forward. Data Protection makes a new key the default only once it had time to reach every replica
/// (its propagation window, two days in some versions), which a test cannot wait for.
/// </summary>
public static class KeyRingClock
{
    private static readonly string[] DateElements = ["creationDate", "activationDate", "expirationDate"];

    public static void Advance(string keyRingDirectory, TimeSpan by)
    {
        foreach (var file in Directory.EnumerateFiles(keyRingDirectory, "key-*.xml"))
        {
            var key = XDocument.Load(file);
            foreach (var element in DateElements.SelectMany(name => key.Root!.Elements(name)))
            {
                element.Value = XmlConvert.ToString(DateTimeOffset.Parse(element.Value, System.Globalization.CultureInfo.InvariantCulture) - by);
            }

            key.Save(file);
        }
    }
}
