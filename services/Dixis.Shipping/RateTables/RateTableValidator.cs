using System.Text.RegularExpressions;
using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Shipping.V1;
using ErrorReason = Dixis.Contracts.Shipping.V1.ErrorReason;
using Dixis.ServiceDefaults.Grpc;
using Dixis.Shipping.Model;
using Dixis.Shipping.Rates;

namespace Dixis.Shipping.RateTables;

/// <summary>
/// Checks that a rate table is consistent before it is stored, so a quote never meets a table it cannot price. Every
/// problem is reported at once as a field violation of reason <c>RATE_TABLE_INVALID</c>, named by its path
/// (<c>rate_table.service_levels[1].weight_steps[2].max_weight_grams</c>).
/// </summary>
public static partial class RateTableValidator
{
    private const string Root = "rate_table";

    private static readonly string Reason = ShippingErrors.Reason(ErrorReason.RateTableInvalid);

    /// <summary>Whether <paramref name="code"/> has the shape of a CLDR region code (<c>GR</c>).</summary>
    public static bool IsRegionCode(string code) => RegionCode().IsMatch(code);

    public static FieldViolations Validate(RateTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var v = new Checks(new FieldViolations());
        v.Text($"{Root}.display_name", table.DisplayName, 200);
        v.That(RegionCode().IsMatch(table.RegionCode), $"{Root}.region_code", "must be a CLDR region code such as 'GR'.");
        var currency = table.CurrencyCode;
        v.That(CurrencyCode().IsMatch(currency), $"{Root}.currency_code", "must be an ISO 4217 currency code such as 'EUR'.");
        v.That(table.VolumetricDivisor >= 0, $"{Root}.volumetric_divisor", "must not be negative; 0 disables volumetric weight.");
        v.That(table.MaxWeightGrams > 0, $"{Root}.max_weight_grams", "must be positive.");

        Regex? format = null;
        if (string.IsNullOrEmpty(table.PostalCodeFormat) || table.PostalCodeFormat.Length > 200)
        {
            v.Add($"{Root}.postal_code_format", "is required: a regular expression of at most 200 characters, e.g. '^[0-9]{5}$'.");
        }
        else
        {
            format = PostalCodes.CompileFormat(table.PostalCodeFormat, out var problem);
            v.That(format is not null, $"{Root}.postal_code_format", $"is not a regular expression: {problem}");
        }

        var carrierIds = Carriers(v, table);
        ServiceLevels(v, table, carrierIds, currency);
        var zoneIds = Zones(v, table, format, currency);
        Overrides(v, table, zoneIds, format, currency);
        return v.Violations;
    }

    private static HashSet<string> Carriers(Checks v, RateTable table)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        v.That(table.Carriers.Count is > 0 and <= 50, $"{Root}.carriers", "must list 1 to 50 carriers.");
        for (var i = 0; i < table.Carriers.Count; i++)
        {
            var carrier = table.Carriers[i];
            var path = $"{Root}.carriers[{i}]";
            v.Identifier($"{path}.id", carrier.Id, ids);
            v.Text($"{path}.display_name", carrier.DisplayName, 100);
            var template = carrier.TrackingUriTemplate;
            v.That(template.Length == 0 || (template.Length <= 500 && template.Contains("{tracking_number}", StringComparison.Ordinal)
                && Uri.TryCreate(template.Replace("{tracking_number}", "X", StringComparison.Ordinal), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"),
                $"{path}.tracking_uri_template", "must be an http(s) URL containing '{tracking_number}', or empty.");
        }

        return ids;
    }

    private static void ServiceLevels(Checks v, RateTable table, HashSet<string> carrierIds, string currency)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        v.That(table.ServiceLevels.Count is > 0 and <= 50, $"{Root}.service_levels", "must list 1 to 50 service levels.");
        for (var i = 0; i < table.ServiceLevels.Count; i++)
        {
            var level = table.ServiceLevels[i];
            var path = $"{Root}.service_levels[{i}]";
            v.Identifier($"{path}.id", level.Id, ids);
            v.That(carrierIds.Contains(level.CarrierId), $"{path}.carrier_id", $"'{RateErrors.Shorten(level.CarrierId)}' is not the id of a carrier of the table.");
            v.That(Code().IsMatch(level.Code), $"{path}.code", "must be a kind of service in lower case, e.g. 'standard' or 'express'.");
            v.Localized($"{path}.display_name", level.DisplayName);
            v.That(level.WeightSteps.Count is > 0 and <= 100, $"{path}.weight_steps", "must list 1 to 100 weight steps.");
            var previous = 0;
            for (var s = 0; s < level.WeightSteps.Count; s++)
            {
                var step = level.WeightSteps[s];
                var stepPath = $"{path}.weight_steps[{s}]";
                v.That(step.MaxWeightGrams > previous, $"{stepPath}.max_weight_grams",
                    s == 0 ? "must be positive." : $"must be above the previous step's {previous} g: steps ascend by weight.");
                previous = Math.Max(previous, step.MaxWeightGrams);
                v.Amount($"{stepPath}.price", step.Price, currency, required: true);
            }

            v.That(level.ExtraWeightStepGrams >= 0, $"{path}.extra_weight_step_grams", "must not be negative.");
            if (level.ExtraWeightStepGrams > 0)
            {
                v.Amount($"{path}.extra_weight_step_price", level.ExtraWeightStepPrice, currency, required: true);
            }
            else if (level.WeightSteps.Count > 0 && previous < table.MaxWeightGrams)
            {
                v.Add($"{path}.extra_weight_step_grams",
                    $"parcels from {previous} g up to the table's max_weight_grams of {table.MaxWeightGrams} g have no price: add a weight step or an extra weight step.");
            }

            var estimate = level.DeliveryEstimate;
            v.That(estimate is not null && estimate.MinDays >= 0 && estimate.MaxDays >= estimate.MinDays && estimate.MaxDays <= 60,
                $"{path}.delivery_estimate", "is required, with 0 ≤ min_days ≤ max_days ≤ 60.");
            if (level.FreeShippingThreshold is not null)
            {
                v.Amount($"{path}.free_shipping_threshold", level.FreeShippingThreshold, currency, required: true);
            }
        }
    }

    private static HashSet<string> Zones(Checks v, RateTable table, Regex? format, string currency)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var patterns = new Dictionary<string, string>(StringComparer.Ordinal);
        v.That(table.Zones.Count is > 0 and <= 200, $"{Root}.zones", "must list 1 to 200 zones.");
        for (var i = 0; i < table.Zones.Count; i++)
        {
            var zone = table.Zones[i];
            var path = $"{Root}.zones[{i}]";
            v.Identifier($"{path}.id", zone.Id, ids);
            v.Localized($"{path}.display_name", zone.DisplayName);
            v.That(zone.PostalCodePatterns.Count is > 0 and <= 1000, $"{path}.postal_code_patterns", "must list 1 to 1000 patterns.");
            for (var p = 0; p < zone.PostalCodePatterns.Count && format is not null; p++)
            {
                var text = zone.PostalCodePatterns[p];
                var patternPath = $"{path}.postal_code_patterns[{p}]";
                if (PostalCodePattern.Parse(text, format, out var problem) is null)
                {
                    v.Add(patternPath, problem!);
                }
                else if (!patterns.TryAdd(text, zone.Id))
                {
                    v.Add(patternPath, $"'{text}' is already a pattern of zone '{patterns[text]}'.");
                }
            }

            v.That(zone.PriceMultiplierBasisPoints is >= 0 and <= 100_000, $"{path}.price_multiplier_basis_points",
                "must be between 1 and 100000 (10000 is ×1); 0 means ×1.");
            v.Amount($"{path}.surcharge", zone.Surcharge, currency, required: false);
            v.That(zone.ExtraDeliveryDays is >= 0 and <= 60, $"{path}.extra_delivery_days", "must be between 0 and 60.");
        }

        return ids;
    }

    private static void Overrides(Checks v, RateTable table, HashSet<string> zoneIds, Regex? format, string currency)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        v.That(table.PostalCodeOverrides.Count <= 10_000, $"{Root}.postal_code_overrides", "must list at most 10000 overrides.");
        for (var i = 0; i < table.PostalCodeOverrides.Count; i++)
        {
            var codeOverride = table.PostalCodeOverrides[i];
            var path = $"{Root}.postal_code_overrides[{i}]";
            var code = PostalCodes.Normalize(codeOverride.PostalCode);
            if (format is not null && !PostalCodes.Matches(format, code))
            {
                v.Add($"{path}.postal_code", $"'{RateErrors.Shorten(codeOverride.PostalCode)}' does not match the table's postal_code_format.");
            }
            else if (!codes.Add(code))
            {
                v.Add($"{path}.postal_code", $"'{code}' has another override already.");
            }

            v.That(codeOverride.ZoneId.Length == 0 || zoneIds.Contains(codeOverride.ZoneId), $"{path}.zone_id",
                $"'{RateErrors.Shorten(codeOverride.ZoneId)}' is not the id of a zone of the table.");
            v.Amount($"{path}.surcharge", codeOverride.Surcharge, currency, required: false);
            v.That(codeOverride.ExtraDeliveryDays is >= 0 and <= 60, $"{path}.extra_delivery_days", "must be between 0 and 60.");
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex RegionCode();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex Code();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex Identifier();

    /// <summary>The checks, each adding a violation of reason RATE_TABLE_INVALID when it fails.</summary>
    private readonly record struct Checks(FieldViolations Violations)
    {
        public void Add(string field, string description) => Violations.Add(field, description, Reason);

        public void That(bool holds, string field, string description)
        {
            if (!holds)
            {
                Add(field, description);
            }
        }

        public void Text(string field, string value, int maxLength) =>
            That(!string.IsNullOrWhiteSpace(value) && value.Length <= maxLength, field, $"is required, at most {maxLength} characters.");

        public void Identifier(string field, string id, HashSet<string> seen)
        {
            if (!RateTableValidator.Identifier().IsMatch(id))
            {
                Add(field, "must be 1 to 63 lower-case letters, digits or '-', e.g. 'acs-standard'.");
            }
            else if (!seen.Add(id))
            {
                Add(field, $"'{id}' is used twice.");
            }
        }

        public void Localized(string field, LocalizedText? text) =>
            That(text is not null && text.Values.Count > 0 && text.Values.All(pair => pair.Key.Length is > 0 and <= 16 && !string.IsNullOrWhiteSpace(pair.Value) && pair.Value.Length <= 200),
                field, "needs a name in at least one language, each at most 200 characters.");

        /// <summary>An amount in the table's currency, not negative.</summary>
        public void Amount(string field, Money? money, string currency, bool required)
        {
            if (money is null)
            {
                That(!required, field, "is required.");
                return;
            }

            That(money.CurrencyCode == currency, $"{field}.currency_code", $"must be the table's currency '{currency}', not '{RateErrors.Shorten(money.CurrencyCode)}'.");
            That(money.AmountMinor >= 0, $"{field}.amount_minor", "must not be negative.");
        }
    }
}
