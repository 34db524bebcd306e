namespace Dixis.Persistence.Queries;

/// <summary>
/// The values filters and updates accept: those that JSON, SQLite and BSON all represent the same way.
/// Enums, dates and decimals are refused because each engine would store them differently.
/// </summary>
public static class ScalarValue
{
    /// <summary>Normalizes integers to <see cref="long"/> and floats to <see cref="double"/>, or throws.</summary>
    public static object? Normalize(object? value, string parameterName) => value switch
    {
        null => null,
        string or bool or long or double => value,
        int or short or byte or sbyte or ushort => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        uint u => (long)u,
        float f => (double)f,
        _ => throw new ArgumentException(
            $"A value of type {value.GetType().Name} is not supported in filters and updates; use string, bool, int, long or double (store times as Unix milliseconds, enums as strings).",
            parameterName),
    };
}
