using System.Data;
using Migrations.Engine;
using Migrations.Filetrack.Support;

namespace Migrations.Filetrack.Migrations;

/// <summary>
/// The seed's incremental <c>20250120000000_nps_submissions.sql</c>: NPS survey responses, with
/// the same row-level security as the other user-owned tables. The master leaves this table out
/// so that this migration is the one that creates it.
/// </summary>
[Migration(20250120000000, "20250120000000_nps_submissions: add NPS submissions table")]
public sealed class NpsSubmissions : Migration
{
    public override void Up()
    {
        // A response stays in the NPS statistics after its user is deleted, anonymised (SET NULL).
        Create.Table("nps_submissions").WithIdColumn("nps_submissions")
            .WithOptionalReference("nps_submissions", "userId", "users", Rule.SetNull).Indexed("nps_submissions_userId_idx")
            .WithColumn("score").AsInt32().Check("\"score\" BETWEEN 0 AND 10")
            .WithColumn("comment").AsString().Nullable()
            .WithColumn("source").AsString(50).Nullable()
            .WithCreatedAt().Indexed("nps_submissions_createdAt_idx");

        var pg = IfDatabase("postgres").Execute;
        pg.Sql(RowLevelSecurity.Enable("nps_submissions"));
        pg.Sql(RowLevelSecurity.GrantToApplicationRoles("nps_submissions"));
        pg.Sql(RowLevelSecurity.AdminAll("nps_submissions"));
        foreach (var statement in RowLevelSecurity.OwnRows("nps_submissions"))
        {
            pg.Sql(statement);
        }
    }

    // The table's policies and grants go with it.
    public override void Down() => Delete.Table("nps_submissions");
}
