using System.Diagnostics;
using Dixis.Catalog.Categories;
using Dixis.Catalog.Model;
using Dixis.Catalog.Text;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Text;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Search;

/// <summary>
/// Autocomplete: categories and producers whose name has a word starting with what was typed (folded, so
/// <c>μελ</c> finds Μέλι), then product names from the search engine. Categories and producers are few and
/// matched in memory; the producer list is re-read at most every half minute.
/// </summary>
public sealed class ProductSuggestions(
    IProductSearchIndex index, CategoryDirectory categories, Producers.ProducerDirectory producers, CatalogMetrics metrics, IOptions<CatalogOptions> options, TimeProvider timeProvider)
{
    public const int MaxQueryLength = 100;
    public const int DefaultSuggestions = 8;
    public const int MaxSuggestions = 20;
    private static readonly TimeSpan ProducerListFreshness = TimeSpan.FromSeconds(30);
    private readonly Lock gate = new();
    private (DateTimeOffset At, Task<IReadOnlyList<(string Id, string Slug, string Name)>> Producers)? producerList;

    public async Task<SuggestProductsResponse> SuggestAsync(SuggestProductsRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var violations = new FieldViolations();
        var prefix = request.Query.Trim();
        if (prefix.Length == 0)
        {
            violations.Add("query", "is required: the text typed so far.");
        }
        else if (request.Query.Length > MaxQueryLength)
        {
            violations.Add("query", $"is {request.Query.Length} characters long; the maximum is {MaxQueryLength}.", CatalogErrors.Reason(ErrorReason.QueryTooLong));
        }

        if (request.LanguageCode.Length > 0 && !SearchRequestReader.Languages.Contains(request.LanguageCode))
        {
            violations.Add("language_code", $"'{LocalizedTextRules.Shorten(request.LanguageCode)}' is not a search language; use 'el', 'en', or leave it empty.");
        }

        if (request.MaxSuggestions is < 0 or > MaxSuggestions)
        {
            violations.Add("max_suggestions", $"must be between 1 and {MaxSuggestions} (0 means {DefaultSuggestions}).");
        }

        violations.ThrowIfAny(CatalogErrors.Domain);
        var max = request.MaxSuggestions == 0 ? DefaultSuggestions : request.MaxSuggestions;
        var language = request.LanguageCode.Length > 0 ? request.LanguageCode : null;
        var folded = TextFolding.Fold(prefix);

        var response = new SuggestProductsResponse();
        var categoryIndex = await categories.GetIndexAsync(cancellationToken);
        foreach (var category in categoryIndex.ChildrenOf(null).SelectMany(categoryIndex.SubtreeOf).Select(id => categoryIndex.Find(id)!))
        {
            var name = LocalizedTexts.Pick(category.Name.Values, language, options.Value.DefaultLanguage);
            if (response.Suggestions.Count < max && Matches(category.Name.Values.Values, folded, language is null ? null : category.Name.Values.GetValueOrDefault(language)))
            {
                response.Suggestions.Add(new Suggestion { Text = name, Kind = SuggestionKind.Category, TargetId = category.Id, TargetSlug = category.Slug });
            }
        }

        foreach (var producer in await ActiveProducersAsync(cancellationToken))
        {
            if (response.Suggestions.Count < max && Matches([producer.Name], folded, null))
            {
                response.Suggestions.Add(new Suggestion { Text = producer.Name, Kind = SuggestionKind.Producer, TargetId = producer.Id, TargetSlug = producer.Slug });
            }
        }

        if (response.Suggestions.Count < max)
        {
            foreach (var product in await index.SuggestAsync(prefix, language, max - response.Suggestions.Count, cancellationToken))
            {
                response.Suggestions.Add(new Suggestion { Text = product.Text, Kind = SuggestionKind.Product, TargetId = product.ProductId, TargetSlug = product.Slug });
            }
        }

        metrics.SuggestAnswered(Stopwatch.GetElapsedTime(started));
        return response;
    }

    /// <summary>Whether a word of one of <paramref name="names"/> (or of <paramref name="preferred"/> only, when given) starts with the folded prefix.</summary>
    private static bool Matches(IEnumerable<string> names, string foldedPrefix, string? preferred) =>
        (preferred is null ? names : [preferred]).Any(name =>
        {
            var folded = TextFolding.Fold(name);
            return folded.StartsWith(foldedPrefix, StringComparison.Ordinal)
                || folded.Split([' ', '-', '&', ','], StringSplitOptions.RemoveEmptyEntries).Any(word => word.StartsWith(foldedPrefix, StringComparison.Ordinal));
        });

    private Task<IReadOnlyList<(string Id, string Slug, string Name)>> ActiveProducersAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            if (producerList is not { } list || now - list.At > ProducerListFreshness || list.Producers.IsFaulted)
            {
                producerList = list = (now, LoadProducersAsync());
            }

            return list.Producers.WaitAsync(cancellationToken);
        }
    }

    private async Task<IReadOnlyList<(string Id, string Slug, string Name)>> LoadProducersAsync()
    {
        var active = await producers.Producers.ListAllAsync(Filter.Eq("state", ProducerState.Active.ToString()), CancellationToken.None);
        return [.. active.OrderBy(p => p.Value.SortName, StringComparer.Ordinal).Select(p => (p.Id, p.Value.Slug, p.Value.DisplayName))];
    }
}
