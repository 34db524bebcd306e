using Dixis.Contracts.Shipping.V1;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Dixis.Shipping.Model;
using Dixis.Shipping.Rates;

namespace Dixis.Shipping.RateTables;

/// <summary>Rate table reads for administrators: one by id, or lists newest first, optionally of one region.</summary>
public sealed class RateTableReader(RateTableDirectory directory)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public async Task<RateTable> GetAsync(string rateTableId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(rateTableId))
        {
            throw RpcErrors.InvalidField(ShippingErrors.Domain, "rate_table_id", "is required.");
        }

        var document = rateTableId.Length <= 64 ? await directory.Tables.GetAsync(rateTableId, cancellationToken) : null;
        return document is null ? throw RateErrors.RateTableNotFound(rateTableId) : RateTableMapper.ToContract(document);
    }

    public async Task<ListRateTablesResponse> ListAsync(ListRateTablesRequest request, CancellationToken cancellationToken)
    {
        var pageSize = PageSize.Resolve(request.PageSize, DefaultPageSize, MaxPageSize, ShippingErrors.Domain);
        var region = request.RegionCode;
        if (region.Length > 0 && !RateTableValidator.IsRegionCode(region))
        {
            throw RpcErrors.InvalidField(ShippingErrors.Domain, "region_code", $"'{RateErrors.Shorten(region)}' is not a CLDR region code such as 'GR'.");
        }

        var query = new Query
        {
            Filter = region.Length > 0 ? Filter.Eq("regionCode", region) : null,
            Sort = [SortField.DescendingBy("createTimeMs")],
            PageSize = pageSize,
        };
        var (items, next) = await directory.Tables.PageAsync(query, request.PageToken, $"ListRateTables|{region}", ShippingErrors.Domain, cancellationToken);
        var response = new ListRateTablesResponse { NextPageToken = next };
        response.RateTables.AddRange(items.Select(RateTableMapper.ToContract));
        return response;
    }
}
