using MongoDB.Bson;
using MongoDB.Driver;

namespace Dixis.AppHost.Health;

/// <summary>
/// MongoDB is ready when the single member is the writable primary of its replica set. A fresh data
/// directory has no replica set configuration yet, so the probe initiates it (<c>replSetInitiate</c>) on first contact.
/// </summary>
internal sealed class MongoReplicaSetProbe(string hostAndPort, string replicaSetName) : IHealthProbe
{
    // Direct connection: before initiation there is no replica set to discover.
    private readonly MongoClient _client = new(new MongoClientSettings
    {
        Server = MongoServerAddress.Parse(hostAndPort),
        DirectConnection = true,
        ConnectTimeout = TimeSpan.FromSeconds(1),
        ServerSelectionTimeout = TimeSpan.FromSeconds(2),
    });

    public async Task<ProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var admin = _client.GetDatabase("admin");
            var hello = await admin.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (hello.GetValue("isWritablePrimary", false).ToBoolean())
            {
                return ProbeResult.Healthy($"hello → writable primary of {replicaSetName}");
            }

            if (!hello.Contains("setName"))
            {
                var initiate = new BsonDocument("replSetInitiate", new BsonDocument
                {
                    { "_id", replicaSetName },
                    { "members", new BsonArray { new BsonDocument { { "_id", 0 }, { "host", hostAndPort } } } },
                });
                await admin.RunCommandAsync<BsonDocument>(initiate, cancellationToken: cancellationToken).ConfigureAwait(false);
                return ProbeResult.Unhealthy("replica set initiated, waiting for a primary");
            }

            return ProbeResult.Unhealthy("waiting for the replica set to elect a primary");
        }
        catch (MongoException e)
        {
            return ProbeResult.Unhealthy($"hello failed: {e.GetType().Name}");
        }
        catch (TimeoutException)
        {
            return ProbeResult.Unhealthy("hello timed out");
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
