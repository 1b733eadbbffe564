using FluentMigrator.Expressions;
using FluentMigrator.Model;

namespace Migrations.Engine.Sqlite;

/// <summary>
/// Tells the SQLite processor, before a migration's first statement, whether the migration may
/// rebuild a table. SQLite only switches foreign keys off outside a transaction, and FluentMigrator
/// opens the migration's scope before it builds the expressions; but it validates every expression
/// (through <see cref="SqliteRebuildAdvisingValidator"/>) before it executes any, so the processor
/// defers its BEGIN until the first statement and asks here. One per FluentMigrator scope.
/// </summary>
public sealed class SqliteRebuildAdvisor
{
    // Foreign keys a CREATE TABLE (or a column's own rebuild) writes, whose Create.ForeignKey expression needs nothing.
    private readonly HashSet<ForeignKeyDefinition> _inlined = new(ReferenceEqualityComparer.Instance);

    /// <summary>True when an expression seen since the last <see cref="Reset"/> may rebuild a table.</summary>
    public bool RebuildComing { get; private set; }

    public void Observe(IMigrationExpression expression)
    {
        switch (expression)
        {
            case CreateTableExpression table:
                _inlined.UnionWith(table.Columns.Where(c => c.IsForeignKey && c.ForeignKey is not null).Select(c => c.ForeignKey));
                break;
            case CreateColumnExpression { Column.ForeignKey: { } foreignKey }:
                _inlined.Add(foreignKey);
                break;
            case AlterColumnExpression { Column.ForeignKey: { } foreignKey }:
                _inlined.Add(foreignKey);
                break;
        }

        RebuildComing |= SqliteTableRebuilder.MayRebuild(expression, _inlined);
    }

    /// <summary>A new migration's scope begins (or the last one ended).</summary>
    public void Reset()
    {
        RebuildComing = false;
        _inlined.Clear();
    }
}
