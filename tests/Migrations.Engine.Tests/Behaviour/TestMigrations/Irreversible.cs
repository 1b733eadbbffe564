using FluentMigrator;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.Irreversible;

[Migration(1)]
public sealed class CreateThing : Migration
{
    public override void Up() => Create.Table("Thing").WithColumn("Id").AsInt32().PrimaryKey().WithColumn("Name").AsString(10);

    public override void Down() => Delete.Table("Thing");
}

// Altering a column has no automatic reverse: this must be refused when loaded, not at rollback.
[Migration(2)]
public sealed class WidenName : AutoReversingMigration
{
    public override void Up() => Alter.Column("Name").OnTable("Thing").AsString(100);
}
