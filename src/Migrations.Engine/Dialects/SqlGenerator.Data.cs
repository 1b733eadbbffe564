using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Dialects;

// INSERT, UPDATE and DELETE of rows: the same SQL on every dialect, values through the quoter.
public abstract partial class SqlGenerator
{
    protected virtual IReadOnlyList<SqlStatement> InsertData(InsertDataExpression e) =>
        e.Rows.Select(row => (SqlStatement)(
            $"INSERT INTO {Table(e.SchemaName, e.TableName)} ({ColumnList(row.Select(v => v.Column))}) " +
            $"VALUES ({string.Join(", ", row.Select(v => Quoter.QuoteValue(v.Value)))})" +
            (e.IgnoreConflicts ? " ON CONFLICT DO NOTHING" : ""))).ToArray();

    protected virtual SqlStatement UpdateData(UpdateDataExpression e)
    {
        var set = string.Join(", ", e.Set.Select(v => $"{Quoter.Quote(v.Column)} = {Quoter.QuoteValue(v.Value)}"));
        var sql = $"UPDATE {Table(e.SchemaName, e.TableName)} SET {set}";
        return e.Where.Count == 0 ? sql : $"{sql} WHERE {WhereClause(e.Where)}";
    }

    protected virtual IReadOnlyList<SqlStatement> DeleteData(DeleteDataExpression e) =>
        e.AllRows
            ? [$"DELETE FROM {Table(e.SchemaName, e.TableName)}"]
            : e.Rows.Select(row => (SqlStatement)$"DELETE FROM {Table(e.SchemaName, e.TableName)} WHERE {WhereClause(row)}").ToArray();

    /// <summary>ANDed conditions: equality, IS NULL for null, or a RawSql fragment that starts with its own operator.</summary>
    public string WhereClause(IEnumerable<ColumnValue> conditions) =>
        string.Join(" AND ", conditions.Select(v => v.Value switch
        {
            null => $"{Quoter.Quote(v.Column)} IS NULL",
            RawSql raw when StartsWithOperator(raw.Value) => $"{Quoter.Quote(v.Column)} {raw.Value}",
            _ => $"{Quoter.Quote(v.Column)} = {Quoter.QuoteValue(v.Value)}",
        }));

    private static bool StartsWithOperator(string fragment)
    {
        var text = fragment.TrimStart();
        string[] operators = ["=", "<", ">", "!", "IS ", "IN ", "IN(", "LIKE ", "NOT ", "BETWEEN "];
        return operators.Any(op => text.StartsWith(op, StringComparison.OrdinalIgnoreCase));
    }
}
