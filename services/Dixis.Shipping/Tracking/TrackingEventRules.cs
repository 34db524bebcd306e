using Dixis.Contracts.Shipping.V1;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Shipping.Tracking;

/// <summary>What every tracking event must satisfy, whoever reports it.</summary>
public static class TrackingEventRules
{
    public const int MaxDescriptionLength = 500;
    public const int MaxLocationLength = 200;

    /// <summary>How far in the future an event time may be: reporters' clocks drift a little, not more.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(2);

    public static void Check(FieldViolations violations, string prefix, TrackingEventKind kind, DateTimeOffset? eventTime, string description, string location, DateTimeOffset now)
    {
        if (kind == TrackingEventKind.Unspecified || !Enum.IsDefined(kind))
        {
            violations.Add(prefix + "kind", "is required: ACCEPTED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, FAILED_ATTEMPT or RETURNED.");
        }

        if (eventTime is null)
        {
            violations.Add(prefix + "event_time", "is required: when it happened.");
        }
        else if (eventTime > now + MaxClockSkew)
        {
            violations.Add(prefix + "event_time", $"is in the future ({eventTime:O}, now {now:O}): report what happened, not what will.");
        }

        if (description.Length > MaxDescriptionLength)
        {
            violations.Add(prefix + "description", $"is {description.Length} characters long; the maximum is {MaxDescriptionLength}.");
        }

        if (location.Length > MaxLocationLength)
        {
            violations.Add(prefix + "location", $"is {location.Length} characters long; the maximum is {MaxLocationLength}.");
        }
    }
}
