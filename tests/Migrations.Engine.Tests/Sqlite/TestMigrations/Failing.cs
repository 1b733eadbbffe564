using FluentMigrator;

namespace Migrations.Engine.Tests.Sqlite.TestMigrations.Failing;

[Migration(1, "a table")]
public sealed class CreateThing : Migration
{
    public override void Up() => Create.Table("thing").WithColumn("id").AsInt32().PrimaryKey();

    public override void Down() => Delete.Table("thing");
}

[Migration(2, "a table, then a statement that fails")]
public sealed class FailAfterCreating : Migration
{
    public override void Up()
    {
        Create.Table("partial").WithColumn("id").AsInt32();
        Insert.IntoTable("thing").Row(new { id = 1 });
        Execute.Sql("INSERT INTO nowhere VALUES (1)");
    }

    public override void Down() => Delete.Table("partial");
}
