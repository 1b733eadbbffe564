using FluentMigrator.Builders;
using FluentMigrator.Infrastructure;

namespace Migrations.Engine.Authoring;

/// <summary><c>.Check("sql")</c> on a column being created or added: a CHECK constraint on that column, on both providers.</summary>
public static class ColumnCheckExtensions
{
    public static TNext Check<TNext>(this TNext syntax, string checkSql)
        where TNext : IFluentSyntax
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkSql);
        CurrentColumn(syntax, nameof(Check)).AdditionalFeatures[MigrationFeatures.ColumnCheck] = checkSql;
        return syntax;
    }

    internal static FluentMigrator.Model.ColumnDefinition CurrentColumn(IFluentSyntax syntax, string method) =>
        syntax is IColumnExpressionBuilder builder
            ? builder.Column
            : throw new InvalidOperationException($"{method}() applies to a column being defined (Create.Table(...).WithColumn(...), Alter.Table(...).AddColumn(...), Create.Column(...)), not to {syntax.GetType().Name}");
}
