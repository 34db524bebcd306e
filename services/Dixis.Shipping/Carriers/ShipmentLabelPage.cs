using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Dixis.Shipping.Carriers;

/// <summary>
/// The built-in carrier's label: one printable HTML page (A6) with the tracking number in large type and as CSS bars
/// (each character's five bits as wide or narrow bars, readable by eye, not a scanner standard), sender, recipient,
/// service level and any cash to collect. Every value from a request is HTML-encoded: an address is user input.
/// </summary>
public static class ShipmentLabelPage
{
    public const string ContentType = "text/html; charset=utf-8";

    // Greek (and any other script) stays readable in the page source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static byte[] Render(CarrierShipmentRequest request, string trackingNumber)
    {
        ArgumentNullException.ThrowIfNull(request);
        var to = request.Destination;
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"el\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(E(trackingNumber)).Append("</title>\n")
            .Append("<style>")
            .Append("@page{size:105mm 148mm;margin:4mm}body{font-family:sans-serif;margin:0;width:97mm}")
            .Append("section{border:1px solid #000;padding:2mm;margin-bottom:2mm}h1{font-size:20pt;letter-spacing:1mm;margin:1mm 0;text-align:center}")
            .Append(".bars{display:flex;height:18mm;justify-content:center}.bars span{display:inline-block;background:#000;margin-right:0.4mm}")
            .Append(".n{width:0.4mm}.w{width:1.1mm}.label{font-size:7pt;text-transform:uppercase}.cod{font-size:14pt;font-weight:bold}")
            .Append("</style>\n</head>\n<body>\n");

        html.Append("<section><div class=\"label\">").Append(E(request.CarrierDisplayName)).Append(" · ").Append(E(request.ServiceLevelId)).Append("</div>\n")
            .Append("<div class=\"bars\" aria-hidden=\"true\">").Append(Bars(trackingNumber)).Append("</div>\n")
            .Append("<h1 class=\"tracking-number\">").Append(E(trackingNumber)).Append("</h1></section>\n");

        html.Append("<section class=\"to\"><div class=\"label\">Παραλήπτης / To</div>\n<strong>").Append(E(to.RecipientName)).Append("</strong><br>\n");
        foreach (var line in to.AddressLines)
        {
            html.Append(E(line)).Append("<br>\n");
        }

        html.Append(E(to.PostalCode)).Append(' ').Append(E(to.Locality)).Append("<br>\n");
        if (to.AdministrativeArea.Length > 0)
        {
            html.Append(E(to.AdministrativeArea)).Append("<br>\n");
        }

        html.Append(E(to.RegionCode));
        if (to.PhoneNumber.Length > 0)
        {
            html.Append("<br>\nΤηλ. / Tel. ").Append(E(to.PhoneNumber));
        }

        if (to.DeliveryNotes.Length > 0)
        {
            html.Append("<br>\n<em>").Append(E(to.DeliveryNotes)).Append("</em>");
        }

        html.Append("</section>\n");

        html.Append("<section class=\"from\"><div class=\"label\">Αποστολέας / From</div>\n")
            .Append(E(request.ProducerId)).Append(", ").Append(E(request.OriginPostalCode)).Append("</section>\n");

        html.Append("<section><div class=\"label\">Παραγγελία / Order</div>").Append(E(request.OrderId))
            .Append(" · ").Append(request.WeightGrams.ToString(CultureInfo.InvariantCulture)).Append(" g");
        if (request.CashOnDelivery is { AmountMinor: > 0 } cash)
        {
            // Minor units of two decimals, as every currency the rate tables use so far (EUR).
            html.Append("<div class=\"cod\">ΑΝΤΙΚΑΤΑΒΟΛΗ / CASH ON DELIVERY: ")
                .Append((cash.AmountMinor / 100m).ToString("0.00", CultureInfo.InvariantCulture)).Append(' ').Append(E(cash.CurrencyCode)).Append("</div>");
        }

        html.Append("</section>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static string E(string value) => Encoder.Encode(value);

    private static string Bars(string trackingNumber)
    {
        var bars = new StringBuilder(trackingNumber.Length * 5 * 20);
        foreach (var character in trackingNumber)
        {
            var value = Math.Max(0, TrackingNumbers.Alphabet.IndexOf(character, StringComparison.Ordinal));
            for (var bit = 4; bit >= 0; bit--)
            {
                bars.Append(((value >> bit) & 1) == 1 ? "<span class=\"w\"></span>" : "<span class=\"n\"></span>");
            }
        }

        return bars.ToString();
    }
}
