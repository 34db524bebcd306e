namespace Dixis.Persistence.Definitions;

/// <summary>
/// The key a collection is meant to be sharded on in MongoDB. The store records it and documents it; the
/// operator runs <c>sh.shardCollection</c> with it when the cluster is sharded. Hashed keys spread writes evenly;
/// ranged keys keep related documents (e.g. one producer's products) together.
/// </summary>
public sealed record ShardKeyDefinition(string Field, bool Hashed)
{
    /// <summary>The default: hashed document id, which spreads inserts of random ids evenly.</summary>
    public static ShardKeyDefinition HashedId { get; } = new("_id", Hashed: true);
}
