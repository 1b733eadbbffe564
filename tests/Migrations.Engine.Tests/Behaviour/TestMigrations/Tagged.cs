using FluentMigrator;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.Tagged;

// One migration per row of the tag truth table, each creating a table named after itself.

[Migration(1)]
public sealed class Untagged : Migration
{
    public override void Up() => Create.Table("untagged").WithColumn("id").AsInt32();

    public override void Down() => Delete.Table("untagged");
}

[Migration(2)]
[Tags("Production")]
public sealed class ProductionOnly : Migration
{
    public override void Up() => Create.Table("production_only").WithColumn("id").AsInt32();

    public override void Down() => Delete.Table("production_only");
}

[Migration(3)]
[Tags("Development")]
public sealed class DevelopmentOnly : Migration
{
    public override void Up() => Create.Table("development_only").WithColumn("id").AsInt32();

    public override void Down() => Delete.Table("development_only");
}

[Migration(4)]
[Tags(TagBehavior.RequireAny, "Staging", "Production")]
public sealed class StagingOrProduction : Migration
{
    public override void Up() => Create.Table("staging_or_production").WithColumn("id").AsInt32();

    public override void Down() => Delete.Table("staging_or_production");
}

[Migration(5)]
[Tags("Production", "EU")]
public sealed class ProductionEu : Migration
{
    public override void Up() => Create.Table("production_eu").WithColumn("id").AsInt32();

    public override void Down() => Delete.Table("production_eu");
}

[Profile("Demo")]
public sealed class DemoData : Migration
{
    public override void Up() => Execute.Sql("INSERT INTO \"untagged\" (\"id\") SELECT 42 WHERE NOT EXISTS (SELECT 1 FROM \"untagged\" WHERE \"id\" = 42)");

    public override void Down()
    {
    }
}

[Maintenance(MigrationStage.AfterAll)]
public sealed class CountRuns : Migration
{
    public override void Up()
    {
        if (!Schema.Table("maintenance_runs").Exists())
        {
            Create.Table("maintenance_runs").WithColumn("n").AsInt32();
        }

        Insert.IntoTable("maintenance_runs").Row(new { n = 1 });
    }

    public override void Down()
    {
    }
}
