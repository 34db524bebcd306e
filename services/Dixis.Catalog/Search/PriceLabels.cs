using System.Globalization;
using Dixis.Contracts.Common.V1;

namespace Dixis.Catalog.Search;

/// <summary>How a price bucket reads per language: <c>5,00–10,00 €</c> in Greek, <c>€5.00–€10.00</c> in English.</summary>
public static class PriceLabels
{
    public static LocalizedText Of(long? fromMinor, long? toMinor, string currencyCode)
    {
        var label = new LocalizedText();
        label.Values["el"] = Range(fromMinor, toMinor, amount => $"{Amount(amount, ',')} {Symbol(currencyCode)}", "από", "έως");
        label.Values["en"] = Range(fromMinor, toMinor, amount => $"{Symbol(currencyCode)}{Amount(amount, '.')}", "from", "up to");
        return label;
    }

    private static string Range(long? from, long? to, Func<long, string> format, string fromWord, string upToWord) => (from, to) switch
    {
        ({ } f, { } t) => $"{format(f)}–{format(t)}",
        ({ } f, null) => $"{fromWord} {format(f)}",
        (null, { } t) => $"{upToWord} {format(t)}",
        _ => string.Empty,
    };

    private static string Amount(long minor, char decimalSeparator) =>
        (minor / 100).ToString(CultureInfo.InvariantCulture) + decimalSeparator + (minor % 100).ToString("00", CultureInfo.InvariantCulture);

    private static string Symbol(string currencyCode) => currencyCode == "EUR" ? "€" : currencyCode + " ";
}
