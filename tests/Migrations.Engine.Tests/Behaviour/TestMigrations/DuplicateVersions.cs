using FluentMigrator;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.DuplicateVersions;

[Migration(5)]
public sealed class First : Migration
{
    public override void Up() => Execute.Sql("SELECT 1");

    public override void Down() => Execute.Sql("SELECT 1");
}

[Migration(5)]
public sealed class Second : Migration
{
    public override void Up() => Execute.Sql("SELECT 1");

    public override void Down() => Execute.Sql("SELECT 1");
}
