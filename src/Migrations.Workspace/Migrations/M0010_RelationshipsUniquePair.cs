using System.Data;
using FluentMigrator;

namespace Migrations.Workspace;

/// <summary>
/// 0010: one relationship per (user_id, related_user_id). Existing duplicates are resolved first:
/// per pair the row kept is a 'blocked' one if any (a block must never be lost to a friendship),
/// then the oldest, then the smallest id. The others move to relationships_duplicates_0010, with
/// the id of the row that was kept, so Down() can put them back. Nothing is deleted outright.
/// </summary>
[Migration(10, "0010_relationships_unique_pair.sql")]
public sealed class M0010_RelationshipsUniquePair : Migration
{
    private const string ArchiveTable = "relationships_duplicates_0010";
    private const string UniquePair = "uq_relationships_user_related";

    private const string Columns = "id, user_id, related_user_id, relationship_type, created_at";

    public override void Up()
    {
        // Same columns as relationships; the archive follows its users (CASCADE) as the rows would have.
        Create.Table(ArchiveTable)
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("user_id").AsString().ForeignKey("fk_relationships_duplicates_0010_user_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("related_user_id").AsString().ForeignKey("fk_relationships_duplicates_0010_related_user_id", "users", "id").OnDelete(Rule.Cascade)
            .WithColumn("relationship_type").AsString()
            .WithColumn("created_at").AsDateTime()
            .WithColumn("kept_relationship_id").AsString()
            .WithColumn("archived_at").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // Window functions: SQLite 3.25+ and PostgreSQL both run this text unchanged.
        Execute.Sql($"""
            INSERT INTO {ArchiveTable} ({Columns}, kept_relationship_id)
            SELECT {Columns}, kept_id FROM (
                SELECT {Columns},
                       ROW_NUMBER() OVER (PARTITION BY user_id, related_user_id ORDER BY {KeepOrder}) AS rank_in_pair,
                       FIRST_VALUE(id) OVER (PARTITION BY user_id, related_user_id ORDER BY {KeepOrder}) AS kept_id
                FROM relationships
            ) ranked
            WHERE rank_in_pair > 1
            """);
        Execute.Sql($"DELETE FROM relationships WHERE id IN (SELECT id FROM {ArchiveTable})");

        Create.UniqueConstraint(UniquePair).OnTable("relationships").Columns("user_id", "related_user_id");
    }

    public override void Down()
    {
        Delete.UniqueConstraint(UniquePair).FromTable("relationships");
        Execute.Sql($"INSERT INTO relationships ({Columns}) SELECT {Columns} FROM {ArchiveTable}");
        Delete.Table(ArchiveTable);
    }

    private const string KeepOrder = "CASE WHEN relationship_type = 'blocked' THEN 0 ELSE 1 END, created_at, id";
}
