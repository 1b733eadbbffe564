using System.Collections.Concurrent;
using FluentMigrator;

namespace Migrations.Engine.Tests.Running.TestMigrations.BuildCounting;

/// <summary>How often each migration was built against a live database (keyed by connection string, so parallel tests do not mix).</summary>
public static class LiveBuilds
{
    private static readonly ConcurrentDictionary<(string, string), int> Counts = new();

    public static void Record(IMigration migration)
    {
        // The checksum builds without a database, with an empty connection string: those are not counted.
        if (migration.ConnectionString is { Length: > 0 } connection)
        {
            Counts.AddOrUpdate((connection, migration.GetType().Name), 1, (_, n) => n + 1);
        }
    }

    public static int Of<TMigration>(string connectionString) => Counts.GetValueOrDefault((connectionString, typeof(TMigration).Name));
}

[Migration(1, "first table")]
public sealed class CreateFirst : Migration
{
    public override void Up()
    {
        LiveBuilds.Record(this);
        Create.Table("first").WithColumn("id").AsInt32().PrimaryKey();
    }

    public override void Down() => Delete.Table("first");
}

[Migration(2, "a migration that asks nothing")]
public sealed class CreateSecond : Migration
{
    public override void Up()
    {
        LiveBuilds.Record(this);
        Create.Table("second").WithColumn("id").AsInt32().PrimaryKey();
    }

    public override void Down() => Delete.Table("second");
}

[Migration(3, "a migration that asks whether the first step's table exists")]
public sealed class CreateThirdIfFirstExists : Migration
{
    public override void Up()
    {
        LiveBuilds.Record(this);
        Create.Table(Schema.Table("first").Exists() ? "third_saw_first" : "third_missed_first").WithColumn("id").AsInt32().PrimaryKey();
    }

    public override void Down()
    {
        Delete.Table("third_saw_first");
    }
}
