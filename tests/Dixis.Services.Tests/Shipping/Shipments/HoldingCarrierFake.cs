using System.Collections.Concurrent;
using Dixis.Shipping.Carriers;

namespace Dixis.Services.Tests.Shipping.Shipments;

/// <summary>
/// A fake of a carrier's API at the edge of the shipping service, in the adapter slot of <c>acs</c> (which otherwise the
/// built-in carrier books): it books as the built-in carrier does, except that a test can hold the bookings of an order
/// (<see cref="Hold"/>) to act while the carrier is "still answering", and it records every booking it gave back.
/// </summary>
public sealed class HoldingCarrierFake : ICarrier
{
    /// <summary>The carrier this fake books for.</summary>
    public const string Carrier = "acs";

    /// <summary>A service level of <see cref="Carrier"/> in the default table (collects cash).</summary>
    public const string ServiceLevel = "acs-express";

    private readonly DixisCourier booking = new();
    private readonly ConcurrentDictionary<string, CarrierHold> holds = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> CarrierIds { get; } = [Carrier];

    /// <summary>Tracking numbers whose booking was cancelled, in order.</summary>
    public ConcurrentQueue<string> Cancelled { get; } = new();

    /// <summary>Holds the next bookings of <paramref name="orderId"/> until the hold is released (or disposed).</summary>
    public CarrierHold Hold(string orderId)
    {
        var hold = new CarrierHold(() => holds.TryRemove(orderId, out _));
        holds[orderId] = hold;
        return hold;
    }

    public async Task<CarrierBooking> CreateShipmentAsync(CarrierShipmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var booked = await booking.CreateShipmentAsync(request, cancellationToken);
        if (holds.TryGetValue(request.OrderId, out var hold))
        {
            hold.Booking.TrySetResult(booked.TrackingNumber);
            await hold.Released.WaitAsync(cancellationToken);
        }

        return booked;
    }

    public Task CancelAsync(string carrierId, string trackingNumber, CancellationToken cancellationToken)
    {
        Cancelled.Enqueue(trackingNumber);
        return Task.CompletedTask;
    }
}

/// <summary>An order's bookings held by <see cref="HoldingCarrierFake"/>.</summary>
public sealed class CarrierHold(Action forget) : IDisposable
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the tracking number when a booking of the order has reached the carrier and waits.</summary>
    public TaskCompletionSource<string> Booking { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal Task Released => release.Task;

    /// <summary>Lets the held bookings answer.</summary>
    public void Release()
    {
        forget();
        release.TrySetResult();
    }

    public void Dispose() => Release();
}
