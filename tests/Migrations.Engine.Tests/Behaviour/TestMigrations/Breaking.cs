using FluentMigrator;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.Breaking;

[Migration(8, BreakingChange = true)]
public sealed class DropsEverything : Migration
{
    public override void Up() => Create.Table("breaking").WithColumn("Id").AsInt32();

    public override void Down() => Delete.Table("breaking");
}
