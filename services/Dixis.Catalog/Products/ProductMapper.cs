using Dixis.Catalog.Model;
using Dixis.Catalog.Text;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Persistence.Documents;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Catalog.Products;

/// <summary>Stored products to contract messages and back. Output-only fields are set here and nowhere else.</summary>
public static class ProductMapper
{
    /// <summary>The contract product; <paramref name="availableBySku"/> gives each variant's <c>in_stock</c>.</summary>
    public static Product ToContract(Document<ProductRecord> document, IReadOnlyDictionary<string, long> availableBySku)
    {
        var record = document.Value;
        var product = new Product
        {
            Id = document.Id,
            Slug = record.Slug,
            ProducerId = record.ProducerId,
            CategoryId = record.CategoryId,
            Brand = record.Brand ?? string.Empty,
            Name = LocalizedTexts.ToContract(record.Name),
            Description = LocalizedTexts.ToContract(record.Description),
            TaxClass = record.TaxClass,
            Status = record.Status,
            CreateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(record.CreateTimeMs)),
            UpdateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(record.UpdateTimeMs)),
            Etag = Etag.Of(document.Version),
        };
        if (record.PublishTimeMs is { } published)
        {
            product.PublishTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(published));
        }

        product.Attributes.AddRange(record.Attributes.Select(attribute => new ProductAttribute
        {
            Key = attribute.Key,
            Value = attribute.Value,
            DisplayValue = LocalizedTexts.ToContract(attribute.DisplayValue),
        }));
        product.Images.AddRange(record.Images.Select(image => new ProductImage
        {
            Uri = image.Uri,
            AltText = LocalizedTexts.ToContract(image.AltText),
            Position = image.Position,
        }));
        product.Variants.AddRange(record.Variants.Select(variant => ToContract(variant, record.CurrencyCode, availableBySku)));
        return product;
    }

    /// <summary>
    /// The stored form of a validated contract product. Identity, ownership, currency and times come from the
    /// caller of this method, never from the message, so a request cannot set them.
    /// </summary>
    public static ProductRecord ToRecord(Product product, string producerId, string currencyCode, long createTimeMs, long updateTimeMs, long? publishTimeMs) =>
        new(
            product.Slug,
            producerId,
            product.CategoryId,
            string.IsNullOrWhiteSpace(product.Brand) ? null : product.Brand.Trim(),
            LocalizedTexts.ToRecord(product.Name),
            LocalizedTexts.ToRecord(product.Description),
            [.. product.Attributes.Select(attribute => new AttributeRecord(attribute.Key, attribute.Value, LocalizedTexts.ToRecord(attribute.DisplayValue)))],
            [.. product.Images.OrderBy(image => image.Position).Select(image => new ImageRecord(image.Uri, LocalizedTexts.ToRecord(image.AltText), image.Position))],
            product.TaxClass,
            product.Status == ProductStatus.Unspecified ? ProductStatus.Draft : product.Status,
            currencyCode,
            [.. product.Variants.Select(ToRecord)],
            createTimeMs,
            updateTimeMs,
            publishTimeMs);

    /// <summary>The main image: the one with the lowest position.</summary>
    public static string? MainImageUri(ProductRecord record) => record.Images.MinBy(image => image.Position)?.Uri;

    /// <inheritdoc cref="MainImageUri(ProductRecord)"/>
    public static string? MainImageUri(Product product) => product.Images.MinBy(image => image.Position)?.Uri;

    private static Variant ToContract(VariantRecord variant, string currencyCode, IReadOnlyDictionary<string, long> availableBySku)
    {
        var contract = new Variant
        {
            Sku = variant.Sku,
            Price = new Money { CurrencyCode = currencyCode, AmountMinor = variant.PriceMinor },
            WeightGrams = variant.WeightGrams,
            Gtin = variant.Gtin ?? string.Empty,
            InStock = availableBySku.TryGetValue(variant.Sku, out var available) && available > 0,
            Position = variant.Position,
        };
        if (variant.CompareAtPriceMinor is { } compareAt)
        {
            contract.CompareAtPrice = new Money { CurrencyCode = currencyCode, AmountMinor = compareAt };
        }

        if (variant.Dimensions is { } dimensions)
        {
            contract.Dimensions = new Dimensions { LengthMm = dimensions.LengthMm, WidthMm = dimensions.WidthMm, HeightMm = dimensions.HeightMm };
        }

        contract.OptionValues.AddRange(variant.OptionValues.Select(option => new OptionValue
        {
            Option = option.Option,
            Value = LocalizedTexts.ToContract(option.Value),
        }));
        return contract;
    }

    private static VariantRecord ToRecord(Variant variant) =>
        new(
            variant.Sku,
            [.. variant.OptionValues.Select(option => new OptionValueRecord(option.Option, LocalizedTexts.ToRecord(option.Value)))],
            variant.Price.AmountMinor,
            variant.CompareAtPrice?.AmountMinor,
            variant.WeightGrams,
            variant.Dimensions is { } d && (d.LengthMm | d.WidthMm | d.HeightMm) != 0 ? new DimensionsRecord(d.LengthMm, d.WidthMm, d.HeightMm) : null,
            string.IsNullOrEmpty(variant.Gtin) ? null : variant.Gtin,
            variant.Position);
}
