using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Tests.Descriptors;
using Google.Protobuf.Reflection;

namespace Dixis.Contracts.Tests.Rules;

/// <summary>Money is integer minor units with a currency, never floating point, so sums and VAT are exact.</summary>
public sealed class MoneyTests
{
    private static readonly HashSet<string> MoneyWords = ["price", "amount", "fee", "surcharge", "threshold", "total", "subtotal"];

    [Fact]
    public void No_contract_field_is_floating_point()
    {
        var floating = ContractDescriptors.Messages
            .SelectMany(message => message.Fields.InDeclarationOrder())
            .Where(field => field.FieldType is FieldType.Double or FieldType.Float)
            .Select(field => field.FullName);

        Assert.Empty(floating);
    }

    [Fact]
    public void Money_is_a_currency_code_and_integer_minor_units()
    {
        var fields = Money.Descriptor.Fields.InDeclarationOrder();

        Assert.Collection(
            fields,
            currency => Assert.Equal(("currency_code", FieldType.String), (currency.Name, currency.FieldType)),
            amount => Assert.Equal(("amount_minor", FieldType.Int64), (amount.Name, amount.FieldType)));
    }

    [Fact]
    public void Fields_named_like_money_are_money_or_integer_minor_units()
    {
        var wrong = ContractDescriptors.Messages
            .Where(message => message.FullName != Money.Descriptor.FullName)
            .SelectMany(message => message.Fields.InDeclarationOrder())
            .Where(LooksLikeMoney)
            .Where(field => !IsMoney(field) && !IsMinorUnits(field))
            .Select(field => field.FullName);

        Assert.Empty(wrong);
    }

    /// <summary>
    /// A field whose name holds a money word (<c>price</c>, <c>grand_total</c>,
    /// <c>min_price_minor</c>, <c>declared_value</c>), except rates in basis points and
    /// counts such as <c>total_size</c>.
    /// </summary>
    private static bool LooksLikeMoney(FieldDescriptor field)
    {
        var words = field.Name.Split('_');
        return field.Name == "declared_value"
            || (words.Any(MoneyWords.Contains)
                && !field.Name.EndsWith("_basis_points", StringComparison.Ordinal)
                && words[^1] is not ("size" or "count"));
    }

    private static bool IsMoney(FieldDescriptor field) =>
        field.FieldType == FieldType.Message && field.MessageType.FullName == Money.Descriptor.FullName;

    private static bool IsMinorUnits(FieldDescriptor field) =>
        field.FieldType == FieldType.Int64 && field.Name.EndsWith("_minor", StringComparison.Ordinal);
}
