using Dixis.Auth.Audit;
using Dixis.Auth.Model;
using Dixis.Contracts.Auth.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Auth.Administration;

/// <summary>Reads the security audit log, newest first.</summary>
public sealed class SecurityEventQueries(SecurityEventLog log)
{
    private const string Domain = AuthErrors.Domain;
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 500;

    public async Task<ListSecurityEventsResponse> ListAsync(ListSecurityEventsRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (!System.Enum.IsDefined(request.Kind))
        {
            violations.Add("kind", "is not a security event kind.");
        }

        if (request.StartTime is not null && request.EndTime is not null && request.StartTime.ToDateTimeOffset() >= request.EndTime.ToDateTimeOffset())
        {
            violations.Add("end_time", "must be after start_time.");
        }

        violations.ThrowIfAny(Domain);
        var pageSize = PageSize.Resolve(request.PageSize, DefaultPageSize, MaxPageSize, Domain);

        var filters = new List<Filter>();
        if (request.UserId.Length > 0)
        {
            filters.Add(Filter.Eq("userId", request.UserId));
        }

        if (request.Kind != SecurityEventKind.Unspecified)
        {
            filters.Add(Filter.Eq("kind", request.Kind.ToString()));
        }

        if (request.StartTime is not null)
        {
            filters.Add(Filter.Gte("eventTimeMs", request.StartTime.ToDateTimeOffset().ToUnixTimeMilliseconds()));
        }

        if (request.EndTime is not null)
        {
            filters.Add(Filter.Lt("eventTimeMs", request.EndTime.ToDateTimeOffset().ToUnixTimeMilliseconds()));
        }

        var query = new Query
        {
            Filter = filters.Count == 0 ? null : Filter.And(filters),
            Sort = [SortField.DescendingBy("eventTimeMs")],
            PageSize = pageSize,
        };
        var fingerprint = $"security-events|{request.UserId}|{request.Kind}|{request.StartTime}|{request.EndTime}";
        var (items, next) = await log.Events.PageAsync(query, request.PageToken, fingerprint, Domain, cancellationToken);
        var response = new ListSecurityEventsResponse { NextPageToken = next };
        response.SecurityEvents.AddRange(items.Select(ToContract));
        return response;
    }

    private static SecurityEvent ToContract(Document<SecurityEventRecord> document)
    {
        var record = document.Value;
        var contract = new SecurityEvent
        {
            Id = document.Id,
            Kind = record.Kind,
            UserId = record.UserId ?? string.Empty,
            ActorUserId = record.ActorUserId ?? string.Empty,
            PartnerClientId = record.PartnerClientId ?? string.Empty,
            IpAddress = record.IpAddress ?? string.Empty,
            EventTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(record.EventTimeMs)),
        };
        foreach (var (key, value) in record.Details)
        {
            contract.Details[key] = value;
        }
        return contract;
    }
}
