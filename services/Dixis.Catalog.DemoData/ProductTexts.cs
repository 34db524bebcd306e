using System.Globalization;
using System.Text;
using Dixis.Catalog.DemoData.Families;

namespace Dixis.Catalog.DemoData;

/// <summary>Names and descriptions of demo products in Greek and English, composed from a product's choices.</summary>
internal static class ProductTexts
{
    public static Phrase Name(ProductChoices product) => product.Family.NameStyle == NameStyle.Wine ? WineName(product) : FoodName(product);

    public static Phrase Description(ProductChoices product, DemoRandom random)
    {
        var family = product.Family;
        var lines = new List<Phrase> { random.Pick(family.Openings) };
        if (family.Openings.Count > 1 && random.Chance(0.5))
        {
            var second = random.Pick(family.Openings);
            if (second != lines[0])
            {
                lines.Add(second);
            }
        }

        lines.Add(new($"Προέλευση: {product.Region.NameEl}.", $"Origin: {product.Region.NameEn}."));
        if (product.Variety is { } variety)
        {
            lines.Add(new($"Ποικιλία: {variety.Name.El}.", $"Variety: {variety.Name.En}."));
        }

        if (product.Designation is { Key: "pdo" })
        {
            lines.Add(new("Προϊόν Προστατευόμενης Ονομασίας Προέλευσης (ΠΟΠ).", "Protected Designation of Origin (PDO)."));
        }
        else if (product.Designation is { Key: "pgi" })
        {
            lines.Add(new("Προϊόν Προστατευόμενης Γεωγραφικής Ένδειξης (ΠΓΕ).", "Protected Geographical Indication (PGI)."));
        }

        if (product.Organic)
        {
            lines.Add(new("Πιστοποιημένο βιολογικό προϊόν.", "Certified organic."));
        }

        lines.Add(new($"Παραγωγός: {product.Producer.DisplayName}.", $"Producer: {product.Producer.DisplayName}."));
        lines.Add(random.Pick(family.Serving));
        return new(string.Join('\n', lines.Select(line => line.El)), string.Join('\n', lines.Select(line => line.En)));
    }

    /// <summary>"Πρώιμης συγκομιδής εξαιρετικό παρθένο ελαιόλαδο Κορωνέικη Μεσσηνίας ΠΟΠ" / "Early harvest Koroneiki extra virgin olive oil PDO from Messinia".</summary>
    private static Phrase FoodName(ProductChoices product)
    {
        var el = new NameBuilder()
            .Add(product.Qualifier?.El)
            .Add(product.Kind.Noun.El)
            .Add(product.Variety?.Name.El)
            .Add(product.Region.GenitiveEl)
            .Add(product.Designation?.Label.El)
            .Add(QuotedEl(product.Line?.El));
        var en = new NameBuilder()
            .Add(product.Qualifier?.En)
            .Add(product.Variety?.Name.En)
            .Add(product.Kind.Noun.En)
            .Add(product.Designation?.Label.En);
        if (!en.Contains(product.Region.NameEn))
        {
            en.Add($"from {product.Region.NameEn}");
        }

        en.Add(QuotedEn(product.Line?.En));

        return new(el.ToString(), en.ToString());
    }

    /// <summary>"Ασύρτικο Σαντορίνης ΠΟΠ «Καλντέρα» 2021" / "Assyrtiko Santorini PDO “Caldera” 2021": the same parts in both languages.</summary>
    private static Phrase WineName(ProductChoices product)
    {
        var vintage = product.Vintage?.ToString(CultureInfo.InvariantCulture);
        string Label(Func<Phrase, string> language, string place, Func<string?, string?> quoted) => new NameBuilder()
            .Add(product.Variety is { } grape ? language(grape.Name) : language(product.Kind.Noun))
            .Add(place)
            .Add(product.Designation is { } designation ? language(designation.Label) : null)
            .Add(product.Qualifier is { } qualifier ? language(qualifier) : null)
            .Add(quoted(product.Line is { } line ? language(line) : null))
            .Add(vintage)
            .ToString();

        return new(Label(p => p.El, product.Region.GenitiveEl, QuotedEl), Label(p => p.En, product.Region.NameEn, QuotedEn));
    }

    /// <summary>A label name in Greek quotation marks: «Πρωτοβρόχι».</summary>
    private static string? QuotedEl(string? line) => line is null ? null : $"«{line}»";

    /// <summary>A label name in English quotation marks: “Protovrochi”.</summary>
    private static string? QuotedEn(string? line) => line is null ? null : $"“{line}”";

    /// <summary>Joins name parts with spaces, leaves out a part the name already says, and capitalises the first letter.</summary>
    private sealed class NameBuilder
    {
        private readonly StringBuilder text = new();

        public NameBuilder Add(string? part)
        {
            if (string.IsNullOrEmpty(part) || Contains(part))
            {
                return this;
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(part);
            return this;
        }

        public bool Contains(string part) => text.ToString().Contains(part, StringComparison.OrdinalIgnoreCase);

        public override string ToString() =>
            text.Length == 0 ? string.Empty : string.Concat(char.ToUpper(text[0], CultureInfo.InvariantCulture).ToString(), text.ToString(1, text.Length - 1));
    }
}
