using System.Text;
using Dixis.Persistence.Queries;
using Microsoft.Data.Sqlite;

namespace Dixis.Persistence.Sqlite;

/// <summary>Renders a <see cref="Filter"/> to a SQL condition, adding its values as parameters of the command.</summary>
internal sealed class SqliteFilterRenderer(SqliteCommand command)
{
    public string Render(Filter filter)
    {
        var sql = new StringBuilder();
        Append(sql, filter);
        return sql.ToString();
    }

    private void Append(StringBuilder sql, Filter filter)
    {
        switch (filter)
        {
            case ComparisonFilter c:
                AppendComparison(sql, c);
                break;
            case InFilter i:
                AppendIn(sql, i);
                break;
            case AndFilter a:
                AppendJoined(sql, a.Filters, " AND ");
                break;
            case OrFilter o:
                AppendJoined(sql, o.Filters, " OR ");
                break;
            default:
                throw new NotSupportedException($"Filter {filter.GetType().Name} is not supported by SQLite.");
        }
    }

    private void AppendComparison(StringBuilder sql, ComparisonFilter c)
    {
        var field = SqliteSql.Field(c.Field);
        if (c.Value is null)
        {
            sql.Append(field).Append(c.Operator == ComparisonOperator.NotEqual ? " IS NOT NULL" : " IS NULL");
            return;
        }

        // IS NOT (not !=) so that a missing field counts as different, as MongoDB's $ne does.
        var op = c.Operator switch
        {
            ComparisonOperator.Equal => " = ",
            ComparisonOperator.NotEqual => " IS NOT ",
            ComparisonOperator.GreaterThan => " > ",
            ComparisonOperator.GreaterThanOrEqual => " >= ",
            ComparisonOperator.LessThan => " < ",
            ComparisonOperator.LessThanOrEqual => " <= ",
            _ => throw new NotSupportedException($"Operator {c.Operator} is not supported."),
        };
        sql.Append(field).Append(op).Append(Parameter(c.Value));
    }

    private void AppendIn(StringBuilder sql, InFilter i)
    {
        var field = SqliteSql.Field(i.Field);
        var values = i.Values.Where(v => v is not null).ToArray();
        var matchesNull = values.Length < i.Values.Count;
        sql.Append('(');
        if (values.Length > 0)
        {
            sql.Append(field).Append(" IN (").AppendJoin(", ", values.Select(Parameter)).Append(')');
        }

        if (matchesNull)
        {
            sql.Append(values.Length > 0 ? " OR " : string.Empty).Append(field).Append(" IS NULL");
        }

        sql.Append(')');
    }

    private void AppendJoined(StringBuilder sql, IReadOnlyList<Filter> filters, string separator)
    {
        sql.Append('(');
        for (var i = 0; i < filters.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(separator);
            }

            Append(sql, filters[i]);
        }

        sql.Append(')');
    }

    private string Parameter(object? value)
    {
        var name = $"@f{command.Parameters.Count}";
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return name;
    }
}
