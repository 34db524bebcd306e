using Dixis.Persistence.Queries;
using MongoDB.Bson;

namespace Dixis.Persistence.Mongo;

/// <summary>
/// Renders a <see cref="Filter"/> to the BSON query document the MongoDB adapter sends. Public so that tests
/// can assert the exact shape without a server.
/// </summary>
public static class MongoFilterRenderer
{
    public static BsonDocument Render(Filter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter switch
        {
            ComparisonFilter c => RenderComparison(c),
            InFilter i => new BsonDocument(i.Field, new BsonDocument("$in", new BsonArray(i.Values.Select(ToBson)))),
            AndFilter a => RenderAnd(a),
            OrFilter o => new BsonDocument("$or", new BsonArray(o.Filters.Select(Render))),
            _ => throw new NotSupportedException($"Filter {filter.GetType().Name} is not supported by MongoDB."),
        };
    }

    /// <summary>The BSON form of a normalized scalar (string, bool, long, double or null).</summary>
    public static BsonValue ToBson(object? value) => value switch
    {
        null => BsonNull.Value,
        string s => new BsonString(s),
        bool b => (BsonValue)b,
        long l => new BsonInt64(l),
        double d => new BsonDouble(d),
        _ => throw new NotSupportedException($"Value of type {value.GetType().Name} has no BSON form here."),
    };

    private static BsonDocument RenderComparison(ComparisonFilter c)
    {
        var value = ToBson(c.Value);
        return c.Operator switch
        {
            // { f: null } matches a missing field too, as SQL's IS NULL over json_extract does.
            ComparisonOperator.Equal => new BsonDocument(c.Field, value),
            ComparisonOperator.NotEqual => Operator(c.Field, "$ne", value),
            ComparisonOperator.GreaterThan => Operator(c.Field, "$gt", value),
            ComparisonOperator.GreaterThanOrEqual => Operator(c.Field, "$gte", value),
            ComparisonOperator.LessThan => Operator(c.Field, "$lt", value),
            ComparisonOperator.LessThanOrEqual => Operator(c.Field, "$lte", value),
            _ => throw new NotSupportedException($"Operator {c.Operator} is not supported."),
        };
    }

    private static BsonDocument Operator(string field, string op, BsonValue value) => new(field, new BsonDocument(op, value));

    /// <summary>
    /// Flattens an AND into one document when no key repeats ({ _id: "x", available: { $gte: 1 } }), the shape
    /// MongoDB's planner and readers expect; otherwise an explicit $and keeps both conditions.
    /// </summary>
    private static BsonDocument RenderAnd(AndFilter and)
    {
        var parts = and.Filters.Select(Render).ToArray();
        var keys = parts.SelectMany(p => p.Names).ToArray();
        if (keys.Length != keys.Distinct(StringComparer.Ordinal).Count())
        {
            return new BsonDocument("$and", new BsonArray(parts));
        }

        var merged = new BsonDocument();
        foreach (var element in parts.SelectMany(p => p.Elements))
        {
            merged.Add(element);
        }

        return merged;
    }
}
