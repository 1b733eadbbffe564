using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

/// <summary>The shape rules every column definition must meet, shared by the expressions that carry columns.</summary>
internal static class ColumnRules
{
    public static IEnumerable<string> Validate(string table, ColumnDefinition column, bool requireType)
    {
        if (string.IsNullOrWhiteSpace(column.Name))
        {
            yield return $"a column of table \"{table}\" has no name";
            yield break;
        }

        if (requireType && column.Type is null)
        {
            yield return $"column \"{table}\".\"{column.Name}\" has no type";
        }

        if (column.Type is { Kind: ColumnKind.Custom, CustomType: null or "" })
        {
            yield return $"column \"{table}\".\"{column.Name}\" has an empty custom type";
        }

        if (column.Type is { Kind: ColumnKind.Enum } type && (string.IsNullOrWhiteSpace(type.EnumName) || type.EnumValues.Count == 0))
        {
            yield return $"column \"{table}\".\"{column.Name}\" is an enum without a name or values";
        }

        if (column.IsIdentity && column.IsNullable == true)
        {
            yield return $"identity column \"{table}\".\"{column.Name}\" cannot be nullable";
        }

        if (column.IsPrimaryKey && column.IsNullable == true)
        {
            yield return $"primary key column \"{table}\".\"{column.Name}\" cannot be nullable";
        }

        if (column.ForeignKey is { } fk && (string.IsNullOrWhiteSpace(fk.PrimaryTable) || fk.PrimaryColumns.Count == 0))
        {
            yield return $"foreign key on \"{table}\".\"{column.Name}\" names no referenced table or column";
        }
    }
}
