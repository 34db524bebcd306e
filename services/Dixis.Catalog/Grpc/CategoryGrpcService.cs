using System.Text.RegularExpressions;
using Dixis.Catalog.Repositories;
using Dixis.Contracts.Catalog.V1;
using Dixis.ServiceDefaults.Grpc;
using Grpc.Core;

namespace Dixis.Catalog.Grpc;

/// <summary>
/// <c>dixis.catalog.v1.CategoryService</c>. Only the tree read is implemented in this issue; the other
/// methods are not overridden and answer <c>UNIMPLEMENTED</c>.
/// </summary>
public sealed partial class CategoryGrpcService(CategoryTreeReader treeReader) : CategoryService.CategoryServiceBase
{
    public const string ErrorDomain = "dixis.catalog";

    public override async Task<CategoryTree> GetCategoryTree(GetCategoryTreeRequest request, ServerCallContext context)
    {
        var language = request.LanguageCode;
        if (language.Length > 0 && !LanguageCode().IsMatch(language))
        {
            throw RpcErrors.InvalidField(ErrorDomain, "language_code", $"'{Truncate(language)}' is not a BCP-47 language code such as 'el' or 'en'.");
        }

        return await treeReader.GetAsync(language, context.CancellationToken);
    }

    /// <summary>The echoed value is cut so that an oversized input does not make an oversized error.</summary>
    private static string Truncate(string value) => value.Length <= 32 ? value : string.Concat(value.AsSpan(0, 32), "…");

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
