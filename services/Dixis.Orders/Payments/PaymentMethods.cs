using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Checkout;
using Dixis.Orders.Payments.Cards;
using Microsoft.Extensions.Options;

namespace Dixis.Orders.Payments;

/// <summary>The payment methods with their availability now, fee and limit.</summary>
public sealed class PaymentMethods(ICardPaymentProvider cards, IOptions<CashOnDeliveryOptions> cashOnDelivery, IOptions<CheckoutOptions> checkout)
{
    public IReadOnlyList<PaymentMethodOption> List()
    {
        var currency = checkout.Value.CurrencyCode;
        var cod = cashOnDelivery.Value;
        return
        [
            new PaymentMethodOption
            {
                Method = PaymentMethod.Card,
                Available = cards.IsAvailable,
                UnavailableReason = cards.IsAvailable ? string.Empty : "Card payments are not configured (no Stripe keys).",
                Fee = new Money { CurrencyCode = currency },
            },
            new PaymentMethodOption
            {
                Method = PaymentMethod.CashOnDelivery,
                Available = cod.Enabled,
                UnavailableReason = cod.Enabled ? string.Empty : "Cash on delivery is not offered.",
                Fee = new Money { CurrencyCode = currency, AmountMinor = cod.Fee },
                MaxAmount = new Money { CurrencyCode = currency, AmountMinor = cod.MaxParcelValue },
            },
            new PaymentMethodOption
            {
                Method = PaymentMethod.BankTransfer,
                Available = true,
                Fee = new Money { CurrencyCode = currency },
            },
        ];
    }
}
