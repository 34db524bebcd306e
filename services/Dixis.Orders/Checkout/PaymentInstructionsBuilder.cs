using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Model;
using Dixis.Orders.Payments;
using Dixis.Orders.Payments.Cards;
using Microsoft.Extensions.Options;

namespace Dixis.Orders.Checkout;

/// <summary>How the customer completes payment of a placed order, by its method.</summary>
public sealed class PaymentInstructionsBuilder(ICardPaymentProvider cards, IOptions<PaymentOptions> payments)
{
    public async Task<PaymentInstructions> BuildAsync(OrderDocument order, string? clientSecret, CancellationToken cancellationToken)
    {
        var payment = order.Payment;
        switch (payment.Method)
        {
            case PaymentMethod.Card:
                // A replayed PlaceOrder gets the secret again from the provider rather than from our database.
                if (clientSecret is null && payment.ProviderReference.Length > 0 && cards.IsAvailable)
                {
                    clientSecret = (await cards.GetPaymentIntentAsync(payment.ProviderReference, cancellationToken)).ClientSecret;
                }

                return new PaymentInstructions
                {
                    Card = new CardPaymentInstructions { ClientSecret = clientSecret ?? string.Empty, PublishableKey = cards.PublishableKey, Amount = payment.Amount },
                };
            case PaymentMethod.BankTransfer:
                return new PaymentInstructions
                {
                    BankTransfer = new BankTransferInstructions
                    {
                        Reference = payment.BankTransferReference,
                        Beneficiary = payments.Value.BankBeneficiary,
                        Iban = payments.Value.BankIban,
                        Bic = payments.Value.BankBic,
                        Amount = payment.Amount,
                        DueTime = payment.ExpireTime,
                    },
                };
            default:
                return new PaymentInstructions
                {
                    CashOnDelivery = new CashOnDeliveryInstructions { AmountDue = payment.Amount, Fee = order.Order.Totals.CashOnDeliveryFee },
                };
        }
    }
}
