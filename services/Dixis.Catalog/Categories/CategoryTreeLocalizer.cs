using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;

namespace Dixis.Catalog.Categories;

/// <summary>
/// Narrows every text of a tree to one language: the requested one, else the market's default,
/// else any language present. The key kept is the language actually returned, so a client can tell
/// a fallback from a translation.
/// </summary>
public static class CategoryTreeLocalizer
{
    public static CategoryTree Localize(CategoryTree tree, string language, string defaultLanguage)
    {
        var localized = new CategoryTree();
        localized.Roots.AddRange(tree.Roots.Select(node => Localize(node, language, defaultLanguage)));
        return localized;
    }

    /// <summary>Every language used by any text of the tree.</summary>
    public static IReadOnlySet<string> LanguagesOf(CategoryTree tree)
    {
        var languages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in tree.Roots)
        {
            Collect(node, languages);
        }

        return languages;
    }

    private static CategoryNode Localize(CategoryNode node, string language, string defaultLanguage)
    {
        var category = node.Category.Clone();
        category.Name = Localize(category.Name, language, defaultLanguage);
        category.Description = Localize(category.Description, language, defaultLanguage);

        var localized = new CategoryNode { Category = category };
        localized.Children.AddRange(node.Children.Select(child => Localize(child, language, defaultLanguage)));
        return localized;
    }

    private static LocalizedText Localize(LocalizedText? text, string language, string defaultLanguage)
    {
        var localized = new LocalizedText();
        if (text is null || text.Values.Count == 0)
        {
            return localized;
        }

        if (text.Values.TryGetValue(language, out var value))
        {
            localized.Values.Add(language, value);
        }
        else if (text.Values.TryGetValue(defaultLanguage, out var fallback))
        {
            localized.Values.Add(defaultLanguage, fallback);
        }
        else
        {
            var any = text.Values.OrderBy(entry => entry.Key, StringComparer.Ordinal).First();
            localized.Values.Add(any.Key, any.Value);
        }

        return localized;
    }

    private static void Collect(CategoryNode node, HashSet<string> languages)
    {
        languages.UnionWith(node.Category.Name?.Values.Keys ?? []);
        languages.UnionWith(node.Category.Description?.Values.Keys ?? []);
        foreach (var child in node.Children)
        {
            Collect(child, languages);
        }
    }
}
