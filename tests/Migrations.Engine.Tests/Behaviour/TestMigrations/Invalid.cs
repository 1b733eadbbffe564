using FluentMigrator;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.Invalid;

// A table without a name and a column without a type: FluentMigrator's validation refuses both.
[Migration(7)]
public sealed class NamelessTable : Migration
{
    public override void Up() => Create.Table("").WithColumn("Id");

    public override void Down()
    {
    }
}
