using FluentMigrator;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.Conditional;

[Migration(1, "provider-specific steps")]
public sealed class ProviderSpecific : Migration
{
    public override void Up()
    {
        Create.Table("note").WithColumn("id").AsInt32().PrimaryKey().WithColumn("body").AsString();
        IfDatabase("postgres").Execute.Sql("CREATE VIEW \"note_view\" AS SELECT \"id\", 'postgres' AS \"engine\" FROM \"note\"");
        IfDatabase("sqlite").Execute.Sql("CREATE VIEW \"note_view\" AS SELECT \"id\", 'sqlite' AS \"engine\" FROM \"note\"");
        IfDatabase("sqlserver").Execute.Sql("THIS IS NOT SQL ANY DATABASE HERE ACCEPTS");
        IfDatabase(t => t.StartsWith("PostgreSQL", StringComparison.Ordinal)).Create.Index("IX_note_body").OnTable("note").OnColumn("body");
    }

    public override void Down()
    {
        Execute.Sql("DROP VIEW \"note_view\"");
        IfDatabase("postgres").Delete.Index("IX_note_body").OnTable("note");
        Delete.Table("note");
    }
}
