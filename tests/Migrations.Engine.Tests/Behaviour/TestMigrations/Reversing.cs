using System.Data;
using FluentMigrator;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.Reversing;

[Migration(1, "auto-reversing: tables, index, foreign key, rename, rows")]
public sealed class AutoReversed : AutoReversingMigration
{
    public override void Up()
    {
        Create.Table("Team").WithColumn("Id").AsInt32().PrimaryKey().WithColumn("Name").AsString(50);
        Create.Table("Player").WithColumn("Id").AsInt32().PrimaryKey().WithColumn("TeamId").AsInt32().WithColumn("Nick").AsString(50);
        Create.ForeignKey("FK_Player_Team").FromTable("Player").ForeignColumn("TeamId").ToTable("Team").PrimaryColumn("Id").OnDelete(Rule.Cascade);
        Create.Index("IX_Player_Nick").OnTable("Player").OnColumn("Nick").Ascending();
        Rename.Column("Nick").OnTable("Player").To("Handle");
        Insert.IntoTable("Team").Row(new { Id = 1, Name = "Reds" }).Row(new { Id = 2, Name = "Blues" });
    }
}

[Migration(2, "forward only: cannot be undone")]
public sealed class OneWay : ForwardOnlyMigration
{
    public override void Up() => Insert.IntoTable("Team").Row(new { Id = 3, Name = "Greens" });
}
