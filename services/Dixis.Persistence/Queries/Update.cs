namespace Dixis.Persistence.Queries;

/// <summary>
/// Engine-neutral field changes for <c>UpdateIfAsync</c>, e.g.
/// <c>Update.Combine(Update.Inc("available", -1), Update.Inc("reserved", 1))</c>.
/// Every applied update also bumps the document version.
/// </summary>
public sealed class Update
{
    private Update(IReadOnlyList<FieldUpdate> changes) => Changes = changes;

    /// <summary>The changes, in the order they were added; each field appears once.</summary>
    public IReadOnlyList<FieldUpdate> Changes { get; }

    /// <summary>Adds <paramref name="amount"/> (negative to subtract) to <paramref name="field"/>.</summary>
    public static Update Inc(string field, long amount) =>
        new([new IncrementField(FieldPath.Validate(field, nameof(field)), amount)]);

    /// <summary>Sets <paramref name="field"/> to <paramref name="value"/> (string, bool, integer, double or null).</summary>
    public static Update Set(string field, object? value) =>
        new([new SetField(FieldPath.Validate(field, nameof(field)), ScalarValue.Normalize(value, nameof(value)))]);

    /// <summary>All changes of <paramref name="updates"/> in one update; no field may appear twice.</summary>
    public static Update Combine(params IEnumerable<Update> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var combined = new Update([]);
        foreach (var change in updates.SelectMany(u => u.Changes))
        {
            combined = combined.With(change);
        }

        return combined.Changes.Count > 0
            ? combined
            : throw new ArgumentException("Combine at least one update.", nameof(updates));
    }

    private Update With(FieldUpdate change)
    {
        foreach (var existing in Changes)
        {
            // Overlapping paths (a and a.b) would be applied in engine-specific order, so refuse them.
            if (existing.Field == change.Field
                || existing.Field.StartsWith(change.Field + ".", StringComparison.Ordinal)
                || change.Field.StartsWith(existing.Field + ".", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Field '{change.Field}' overlaps '{existing.Field}' in the same update.", "updates");
            }
        }

        return new Update([.. Changes, change]);
    }
}
