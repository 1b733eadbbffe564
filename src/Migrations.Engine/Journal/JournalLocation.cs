using System.Data.Common;

namespace Migrations.Engine.Journal;

/// <summary>
/// Where a database's journal is. On SQLite it is always <c>"VersionInfo"</c>. On PostgreSQL ours
/// is <c>migrations."VersionInfo"</c>, but FluentMigrator's own runner keeps its journal in
/// <c>public</c>: while ours is absent, a <c>public."VersionInfo"</c> with a <c>Version</c> column
/// is this database's journal, read and upgraded where it is. So a team that moves from
/// FluentMigrator's runner keeps its history (nothing is applied twice), and a FluentMigrator
/// runner still pointed at the database keeps working, since the added columns are nullable.
/// </summary>
public static class JournalLocation
{
    /// <summary>The journal's schema: <paramref name="schema"/> (ours), or <c>public</c> when only FluentMigrator's journal is there; null on SQLite.</summary>
    public static async Task<string?> FindAsync(DbConnection connection, string? schema, CancellationToken cancellationToken)
    {
        const string fluentMigrators = JournalLayout.FluentMigratorPostgresSchema;
        if (schema is null || schema == fluentMigrators || await new JournalCatalog(connection, schema).TableExistsAsync(cancellationToken))
        {
            return schema;
        }

        var theirs = new JournalCatalog(connection, fluentMigrators);
        return await theirs.TableExistsAsync(cancellationToken) && (await theirs.ColumnsAsync(cancellationToken)).Any(c => c.Name == "Version")
            ? fluentMigrators
            : schema;
    }
}
