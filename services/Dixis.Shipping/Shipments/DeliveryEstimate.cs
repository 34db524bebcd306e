namespace Dixis.Shipping.Shipments;

/// <summary>
/// The delivery window of a new shipment: its service level's minimum and maximum days to the destination, counted in
/// working days (Monday to Friday) from the day it is created, as UTC dates — the start at the beginning of the first
/// day, the end at the end of the last. Public holidays are not known here; they only make a delivery late.
/// </summary>
public static class DeliveryEstimate
{
    public static (DateTimeOffset Start, DateTimeOffset End) From(DateTimeOffset created, int minDays, int maxDays)
    {
        var day = DateOnly.FromDateTime(created.UtcDateTime);
        var start = AddWorkingDays(day, Math.Max(0, minDays));
        var end = AddWorkingDays(day, Math.Max(Math.Max(0, minDays), maxDays));
        return (
            new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMilliseconds(-1));
    }

    public static DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        while (workingDays > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                workingDays--;
            }
        }

        return day;
    }
}
