using FluentMigrator;

namespace Migrations.Engine.Tests.Sqlite.TestMigrations.ForeignKeyState;

// Each migration writes down whether the processor's connection had foreign keys on while it ran.

[Migration(1, "a table of observations and a parent with a child")]
public sealed class Observe : Migration
{
    public override void Up()
    {
        Create.Table("fk_state").WithColumn("phase").AsString().WithColumn("enforced").AsInt32();
        Create.Table("parent").WithColumn("id").AsInt32().PrimaryKey().WithColumn("name").AsString(10);
        Create.Table("child").WithColumn("id").AsInt32().PrimaryKey()
            .WithColumn("parent_id").AsInt32().ForeignKey("FK_child_parent", "parent", "id").OnDelete(System.Data.Rule.Cascade);
        Insert.IntoTable("parent").Row(new { id = 1, name = "p" });
        Insert.IntoTable("child").Row(new { id = 1, parent_id = 1 });
        Execute.Sql(Record("plain migration"));
    }

    public override void Down()
    {
        Delete.Table("child");
        Delete.Table("parent");
        Delete.Table("fk_state");
    }

    internal static string Record(string phase) => $"INSERT INTO fk_state SELECT '{phase}', foreign_keys FROM pragma_foreign_keys";
}

[Migration(2, "a rebuild of the parent")]
public sealed class RebuildParent : Migration
{
    public override void Up()
    {
        Alter.Column("name").OnTable("parent").AsString(40).Nullable();
        Execute.Sql(Observe.Record("rebuilding migration"));
    }

    public override void Down() => Alter.Column("name").OnTable("parent").AsString(10).NotNullable();
}

[Migration(3, "after the rebuild")]
public sealed class AfterRebuild : Migration
{
    public override void Up() => Execute.Sql(Observe.Record("next migration"));

    public override void Down()
    {
    }
}

[Migration(4, TransactionBehavior.None, "a rebuild without a migration transaction")]
public sealed class RebuildWithoutTransaction : Migration
{
    public override void Up() => Alter.Column("name").OnTable("parent").AsString(80).NotNullable();

    public override void Down() => Alter.Column("name").OnTable("parent").AsString(40).Nullable();
}
