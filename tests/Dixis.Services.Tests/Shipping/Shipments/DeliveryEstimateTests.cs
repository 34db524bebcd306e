using Dixis.Shipping.Shipments;

namespace Dixis.Services.Tests.Shipping.Shipments;

/// <summary>Delivery windows count working days: a parcel created on Friday for 1–3 days arrives Monday to Wednesday.</summary>
public sealed class DeliveryEstimateTests
{
    [Theory]
    [InlineData("2025-03-07T15:00:00Z", 1, 3, "2025-03-10", "2025-03-12")] // Friday → Monday..Wednesday
    [InlineData("2025-03-08T09:00:00Z", 1, 1, "2025-03-10", "2025-03-10")] // Saturday → Monday
    [InlineData("2025-03-04T09:00:00Z", 2, 4, "2025-03-06", "2025-03-10")] // Tuesday → Thursday..Monday
    [InlineData("2025-03-04T09:00:00Z", 0, 0, "2025-03-04", "2025-03-04")] // same day
    public void Weekends_are_skipped(string created, int minDays, int maxDays, string firstDay, string lastDay)
    {
        var (start, end) = DeliveryEstimate.From(DateTimeOffset.Parse(created, System.Globalization.CultureInfo.InvariantCulture), minDays, maxDays);

        Assert.Equal(DateTimeOffset.Parse($"{firstDay}T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), start);
        Assert.Equal(DateTimeOffset.Parse($"{lastDay}T23:59:59.999Z", System.Globalization.CultureInfo.InvariantCulture), end);
    }
}
