using FluentMigrator.Builders.Insert;
using FluentMigrator.Infrastructure;
using FluentMigrator.Infrastructure.Extensions;

namespace Migrations.Engine.Authoring;

/// <summary>
/// Insert-if-absent and streamed bulk rows on FluentMigrator's <c>Insert.IntoTable(t)</c>.
/// <c>OnConflictDoNothing()</c> is PostgreSQL's <c>ON CONFLICT DO NOTHING</c> and SQLite's
/// <c>INSERT OR IGNORE</c>, so a seed can run on every migrate. <c>Bulk(columns, rows)</c> streams
/// rows by binary COPY (PostgreSQL) or one prepared INSERT (SQLite).
/// </summary>
public static class InsertExtensions
{
    public static TSyntax OnConflictDoNothing<TSyntax>(this TSyntax syntax)
        where TSyntax : IInsertDataSyntax
    {
        Features(syntax).SetAdditionalFeature(MigrationFeatures.InsertIfAbsent, true);
        return syntax;
    }

    public static void Bulk(this IInsertDataSyntax syntax, IReadOnlyList<string> columns, Func<IEnumerable<object?[]>> rows)
    {
        if (columns.Count == 0)
        {
            throw new ArgumentException("Bulk() needs at least one column", nameof(columns));
        }

        Features(syntax).SetAdditionalFeature(MigrationFeatures.BulkRows, new BulkRows(columns, rows));
    }

    private static ISupportAdditionalFeatures Features(IInsertDataSyntax syntax) =>
        syntax as ISupportAdditionalFeatures
        ?? throw new InvalidOperationException($"{syntax.GetType().Name} does not carry additional features");
}
