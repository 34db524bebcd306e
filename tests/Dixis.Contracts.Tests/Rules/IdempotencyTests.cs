using Dixis.Contracts.Tests.Descriptors;
using Google.Protobuf.Reflection;
using static Google.Protobuf.Reflection.MethodOptions.Types;

namespace Dixis.Contracts.Tests.Rules;

/// <summary>
/// The gRPC client defaults retry UNAVAILABLE only for methods whose descriptor says they are
/// safe to repeat, so the idempotency level in the contract must be right.
/// </summary>
public sealed class IdempotencyTests
{
    [Fact]
    public void Reads_have_no_side_effects()
    {
        var wrong = ContractDescriptors.Methods
            .Where(IsRead)
            .Where(method => method.Idempotency() != IdempotencyLevel.NoSideEffects)
            .Select(method => method.FullName);

        Assert.Empty(wrong);
    }

    [Fact]
    public void Http_gets_are_safe_to_retry()
    {
        var wrong = ContractDescriptors.Methods
            .Where(method => method.Http() is { } rule && HttpBinding.From(rule).Verb == "GET")
            .Where(method => method.Idempotency() == IdempotencyLevel.IdempotencyUnknown)
            .Select(method => method.FullName);

        Assert.Empty(wrong);
    }

    [Fact]
    public void Deletes_and_writes_keyed_by_request_id_are_idempotent()
    {
        var wrong = ContractDescriptors.Methods
            .Where(method => method.Name.StartsWith("Delete", StringComparison.Ordinal)
                || method.InputType.FindFieldByName("request_id") is not null)
            .Where(method => method.Idempotency() != IdempotencyLevel.Idempotent)
            .Select(method => method.FullName);

        Assert.Empty(wrong);
    }

    [Fact]
    public void Request_ids_are_strings()
    {
        var wrong = ContractDescriptors.Methods
            .Where(method => method.InputType.FindFieldByName("request_id") is { } field && field.FieldType != FieldType.String)
            .Select(method => method.FullName);

        Assert.Empty(wrong);
    }

    [Fact]
    public void Writes_that_must_not_double_carry_an_idempotency_key()
    {
        string[] mustNotDouble =
        [
            "dixis.orders.v1.OrderService.PlaceOrder",
            "dixis.orders.v1.PaymentService.ConfirmBankTransfer",
            "dixis.orders.v1.PaymentService.CreateRefund",
            "dixis.catalog.v1.ProductService.ImportProducts",
            "dixis.catalog.v1.InventoryService.AdjustStock",
            "dixis.auth.v1.PartnerClientService.CreatePartnerClient",
            "dixis.shipping.v1.ShipmentService.CreateShipment",
            "dixis.shipping.v1.TrackingService.AddTrackingEvent",
        ];

        var withoutKey = mustNotDouble
            .Where(name => ContractDescriptors.Methods.SingleOrDefault(method => method.FullName == name)?.InputType.FindFieldByName("request_id") is null);

        Assert.Empty(withoutKey);
    }

    private static bool IsRead(MethodDescriptor method) =>
        method.Name is not "GetMyCart"
        && (method.Name.StartsWith("Get", StringComparison.Ordinal)
            || method.Name.StartsWith("List", StringComparison.Ordinal)
            || method.Name.StartsWith("BatchGet", StringComparison.Ordinal)
            || method.Name.StartsWith("Search", StringComparison.Ordinal)
            || method.Name.StartsWith("Suggest", StringComparison.Ordinal));
}
