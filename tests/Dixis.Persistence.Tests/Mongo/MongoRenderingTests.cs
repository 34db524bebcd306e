using Dixis.Persistence.Mongo;
using Dixis.Persistence.Queries;
using Dixis.Persistence.Tests.Model;
using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace Dixis.Persistence.Tests.Mongo;

/// <summary>
/// The exact BSON the MongoDB adapter sends, checked without a server: the conditional update must carry its
/// condition in the filter (one atomic UpdateOne), and numbers must keep their 64-bit type.
/// </summary>
public sealed class MongoRenderingTests
{
    private static readonly JsonWriterSettings Relaxed = new() { OutputMode = JsonOutputMode.RelaxedExtendedJson };
    private static readonly JsonWriterSettings Canonical = new() { OutputMode = JsonOutputMode.CanonicalExtendedJson };

    [Fact]
    public void Conditional_decrement_puts_the_condition_in_the_filter_and_bumps_the_version()
    {
        var rendered = MongoConditionalUpdate.Render("x", Filter.Gte("available", 1), Update.Inc("available", -1));

        Assert.Equal("""{ "_id" : "x", "available" : { "$gte" : 1 } }""", rendered.Filter.ToJson(Relaxed));
        Assert.Equal("""{ "$inc" : { "available" : -1, "_version" : 1 } }""", rendered.Update.ToJson(Relaxed));
        Assert.Equal(
            """{ "$inc" : { "available" : { "$numberLong" : "-1" }, "_version" : { "$numberLong" : "1" } } }""",
            rendered.Update.ToJson(Canonical));
    }

    [Fact]
    public void Reservation_moves_stock_and_sets_fields_in_one_update()
    {
        var rendered = MongoConditionalUpdate.Render(
            "sku-1",
            Filter.And(Filter.Gte("available", 2), Filter.Eq("active", true)),
            Update.Combine(Update.Inc("available", -2), Update.Inc("reserved", 2), Update.Set("status", "held")));

        Assert.Equal("""{ "_id" : "sku-1", "available" : { "$gte" : 2 }, "active" : true }""", rendered.Filter.ToJson(Relaxed));
        Assert.Equal(
            """{ "$set" : { "status" : "held" }, "$inc" : { "available" : -2, "reserved" : 2, "_version" : 1 } }""",
            rendered.Update.ToJson(Relaxed));
    }

    [Fact]
    public void A_range_on_one_field_keeps_both_bounds_with_an_explicit_and()
    {
        var filter = Filter.And(Filter.Gte("price", 100), Filter.Lt("price", 500), Filter.In("category", ["oil", null]));

        Assert.Equal(
            """{ "$and" : [{ "price" : { "$gte" : 100 } }, { "price" : { "$lt" : 500 } }, { "category" : { "$in" : ["oil", null] } }] }""",
            MongoFilterRenderer.Render(filter).ToJson(Relaxed));
    }

    [Fact]
    public void Null_comparisons_and_alternatives_render_as_mongodb_reads_them()
    {
        var filter = Filter.Or(Filter.Eq("category", null), Filter.Ne("category", "wine"), Filter.Lte("price", 2.5));

        Assert.Equal(
            """{ "$or" : [{ "category" : null }, { "category" : { "$ne" : "wine" } }, { "price" : { "$lte" : 2.5 } }] }""",
            MongoFilterRenderer.Render(filter).ToJson(Relaxed));
    }

    [Fact]
    public void The_next_page_resumes_strictly_after_the_last_document_of_the_previous_one()
    {
        var definition = TestCollections.Definition.Find<StockItem>(TestCollections.Stock);
        var sort = new[] { SortField.Ascending("category"), SortField.DescendingBy("price") };
        var firstPage = QueryPlan.Create(new Query { Sort = sort, PageSize = 2 }, definition, 100);
        var token = firstPage.NextPageToken(["oil", 300L], "p7");

        var next = QueryPlan.Create(new Query { Sort = sort, PageSize = 2, PageToken = token }, definition, 100);

        Assert.Equal(
            """{ "$or" : [{ "category" : { "$gt" : "oil" } }, { "category" : "oil", "$or" : [{ "price" : { "$lt" : 300 } }, { "price" : null }] }, { "category" : "oil", "price" : 300, "_id" : { "$gt" : "p7" } }] }""",
            MongoFilterRenderer.Render(next.Filter!).ToJson(Relaxed));
    }

    [Fact]
    public void A_document_is_stored_with_id_and_version_beside_its_fields_and_reads_back_unchanged()
    {
        const string Json = """{"sku":"SKU-1","available":9007199254740993,"price":1250,"nested":{"a":[1,2.5,"x",true,null]}}""";

        var bson = MongoDocumentMapper.ToBson("p1", 3, Json);
        var (id, version, json) = MongoDocumentMapper.FromBson(bson);

        Assert.Equal(BsonType.Int64, bson["available"].BsonType);
        Assert.Equal(("p1", 3L), (id, version));
        Assert.Equal(Json, System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString());
        Assert.Equal("""{ "_id" : "p1", "_version" : 3, "sku" : "SKU-1" }""", new BsonDocument(bson.Elements.Take(3)).ToJson(Relaxed));
    }

    [Theory]
    [InlineData("""{"_id":"other"}""")]
    [InlineData("""{"_version":1}""")]
    public void A_body_that_would_overwrite_the_id_or_version_is_refused(string json)
    {
        var error = Assert.Throws<ArgumentException>(() => MongoDocumentMapper.ToBson("p1", 1, json));

        Assert.Contains("reserved for the store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dead_letter_is_parked_at_the_due_time_no_claim_reaches_and_found_through_the_due_index()
    {
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(
            """{ "completedAt" : null, "dueAt" : { "$numberLong" : "253402300799999" } }""",
            MongoOutboxQueue.DeadLetterFilter().ToJson(Canonical));
        Assert.Equal(
            """{ "dueAt" : 253402300799999, "deadAt" : 1795510800000, "lastError" : "RpcException NotFound: no order", "leaseOwner" : null, "leaseUntil" : null }""",
            MongoOutboxQueue.DeadLetterUpdate(at, "RpcException NotFound: no order").ToJson(Relaxed));
        Assert.Equal(
            """{ "$set" : { "dueAt" : 1795510800000, "deadAt" : null, "attempts" : 0 } }""",
            MongoOutboxQueue.RequeueUpdate(at).ToJson(Relaxed));
    }
}
