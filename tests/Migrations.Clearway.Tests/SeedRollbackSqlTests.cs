using Migrations.Clearway;

namespace Migrations.Clearway.Tests;

/// <summary>
/// Each batch keeps the seed's rollback block verbatim for PostgreSQL and a literal SQLite copy
/// (a migration carries its own SQL, so editing shared code cannot change an applied one). The
/// copies must be the seed's statements without CASCADE and with plain views, nothing else.
/// </summary>
public sealed class SeedRollbackSqlTests
{
    private static readonly (string Batch, string Postgres, string Sqlite)[] Blocks =
    [
        (nameof(IntegrationExpansionPhase2), IntegrationExpansionPhase2.SeedRollbackSql, IntegrationExpansionPhase2.SqliteRollbackSql),
        (nameof(Phase2CompleteSchema), Phase2CompleteSchema.SeedRollbackSql, Phase2CompleteSchema.SqliteRollbackSql),
        (nameof(AddMaterializedViews), AddMaterializedViews.SeedRollbackSql, AddMaterializedViews.SqliteRollbackSql),
    ];

    [Test]
    public void The_sqlite_rollback_of_each_batch_is_the_seeds_block_without_cascade_and_with_plain_views()
    {
        foreach (var (batch, postgres, sqlite) in Blocks)
        {
            var expected = postgres
                .Replace(" CASCADE;", ";", StringComparison.Ordinal)
                .Replace("DROP MATERIALIZED VIEW", "DROP VIEW", StringComparison.Ordinal);
            Assert.That(sqlite, Is.EqualTo(expected), batch);
            Assert.That(sqlite, Does.Not.Contain("CASCADE").And.Not.Contain("MATERIALIZED"), batch);
        }
    }
}
