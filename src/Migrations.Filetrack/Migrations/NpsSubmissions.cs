using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Filetrack.Migrations;

/// <summary>
/// The seed's incremental <c>20250120000000_nps_submissions.sql</c>: NPS survey responses, with
/// the same row-level security as the other user-owned tables. The master leaves this table out
/// so that this migration is the one that creates it. Self-contained: it carries its own copy of
/// the master's conventions and policy shapes, so editing the master never changes this batch.
/// </summary>
[Migration(FiletrackVersions.NpsSubmissions, "20250120000000_nps_submissions: add NPS submissions table")]
public sealed class NpsSubmissions : Migration
{
    private const string Table = "nps_submissions";

    private const string Own = "\"userId\" = auth.uid()";

    public override void Up()
    {
        // A response stays in the NPS statistics after its user is deleted, anonymised (SET NULL).
        Create.Table(Table)
            .WithColumn("id").AsGuid().PrimaryKey($"{Table}_pkey").WithDefault(SystemMethods.NewGuid)
            .WithColumn("userId").AsGuid().Nullable().ForeignKey($"{Table}_userId_fkey", "users", "id").OnDelete(Rule.SetNull)
                .Indexed($"{Table}_userId_idx")
            .WithColumn("score").AsInt32().Check("\"score\" BETWEEN 0 AND 10")
            .WithColumn("comment").AsString().Nullable()
            .WithColumn("source").AsString(50).Nullable()
            .WithColumn("createdAt").AsDateTimeOffset().WithDefault(SystemMethods.CurrentDateTimeOffset)
                .Indexed($"{Table}_createdAt_idx");

        // Row-level security as on the master's user-owned tables (PostgreSQL only).
        var pg = IfDatabase("postgres").Execute;
        pg.Sql($"ALTER TABLE public.\"{Table}\" ENABLE ROW LEVEL SECURITY");
        pg.Sql($"GRANT SELECT, INSERT, UPDATE, DELETE ON public.\"{Table}\" TO authenticated, service_role");
        pg.Sql($"CREATE POLICY \"{Table}_admin_all\" ON public.\"{Table}\" FOR ALL TO authenticated USING (public.is_admin()) WITH CHECK (public.is_admin())");
        pg.Sql($"CREATE POLICY \"{Table}_select_own\" ON public.\"{Table}\" FOR SELECT TO authenticated USING ({Own})");
        pg.Sql($"CREATE POLICY \"{Table}_insert_own\" ON public.\"{Table}\" FOR INSERT TO authenticated WITH CHECK ({Own})");
        pg.Sql($"CREATE POLICY \"{Table}_update_own\" ON public.\"{Table}\" FOR UPDATE TO authenticated USING ({Own}) WITH CHECK ({Own})");
        pg.Sql($"CREATE POLICY \"{Table}_delete_own\" ON public.\"{Table}\" FOR DELETE TO authenticated USING ({Own})");
    }

    // The table's policies and grants go with it.
    public override void Down() => Delete.Table(Table);
}
