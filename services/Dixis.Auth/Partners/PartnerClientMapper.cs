using Dixis.Auth.Model;
using Dixis.Contracts.Auth.V1;
using Dixis.Persistence.Documents;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Auth.Partners;

/// <summary>Stored partner clients to the contract; never the secret or its hash.</summary>
public static class PartnerClientMapper
{
    public static PartnerClient ToContract(Document<PartnerClientRecord> document)
    {
        var record = document.Value;
        var client = new PartnerClient
        {
            Id = document.Id,
            DisplayName = record.DisplayName,
            ProducerId = record.ProducerId ?? string.Empty,
            State = record.State,
            CreateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(record.CreateTimeMs)),
            SecretHint = record.SecretHint,
            CreatorUserId = record.CreatorUserId,
        };
        client.Scopes.AddRange(record.Scopes);
        if (record.RevokeTimeMs is { } revoked)
        {
            client.RevokeTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(revoked));
        }

        return client;
    }
}
