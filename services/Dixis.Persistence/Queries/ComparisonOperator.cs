namespace Dixis.Persistence.Queries;

/// <summary>How a field is compared with a value. Null sorts before every other value, as in both engines.</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}
