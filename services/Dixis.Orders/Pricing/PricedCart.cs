using Dixis.Contracts.Common.V1;

namespace Dixis.Orders.Pricing;

/// <summary>A cart's lines at current catalog prices.</summary>
/// <param name="Lines">Every stored line, in the cart's order.</param>
/// <param name="Subtotal">The sum of the line totals of the purchasable lines, VAT included.</param>
/// <param name="ItemCount">The units over all lines.</param>
public sealed record PricedCart(IReadOnlyList<PricedLine> Lines, Money Subtotal, long ItemCount);
