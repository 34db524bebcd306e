using Dixis.Auth.Model;
using Dixis.Persistence.Documents;

namespace Dixis.Auth.Audit;

/// <summary>Writes the security audit log (collection <c>security_events</c>).</summary>
public sealed class SecurityEventLog(IDocumentCollection<SecurityEventRecord> events, TimeProvider timeProvider)
{
    public IDocumentCollection<SecurityEventRecord> Events => events;

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var record = new SecurityEventRecord(entry.Kind, entry.UserId, entry.ActorUserId, entry.PartnerClientId, entry.Origin.IpAddress, entry.Details, now.ToUnixTimeMilliseconds());

        // The audit log must not fail the action it records once that action is done, nor be skipped by a client hanging up.
        await events.InsertAsync(Guid.CreateVersion7(now).ToString("D"), record, CancellationToken.None);
    }
}
