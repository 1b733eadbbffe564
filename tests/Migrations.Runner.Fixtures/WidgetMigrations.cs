using System.Globalization;
using FluentMigrator;

namespace Migrations.Runner.Fixtures;

// Five steps; the fourth can be made slow (FIXTURE_SLEEP_SECONDS on PostgreSQL,
// FIXTURE_SQLITE_SLEEP_MS on SQLite) and the fifth made to fail (FIXTURE_FAIL) through
// environment variables, so process-level tests can cancel, overlap and break a real run.

[Migration(1, "create widget")]
public sealed class CreateWidget : Migration
{
    public override void Up() => Create.Table("widget").WithColumn("id").AsInt32().PrimaryKey().WithColumn("name").AsString(50);

    public override void Down() => Delete.Table("widget");
}

[Migration(2, "add widget.color")]
public sealed class AddColor : Migration
{
    public override void Up() => Alter.Table("widget").AddColumn("color").AsString(20).Nullable();

    public override void Down() => Delete.Column("color").FromTable("widget");
}

[Migration(3, "first widget")]
public sealed class FirstWidget : Migration
{
    public override void Up() => Insert.IntoTable("widget").Row(new { id = 1, name = "sprocket" });

    public override void Down() => Delete.FromTable("widget").Row(new { id = 1 });
}

[Migration(4, "slow step")]
public sealed class SlowStep : Migration
{
    public override void Up()
    {
        Create.Table("slow_marker").WithColumn("id").AsInt32();
        var seconds = int.Parse(Environment.GetEnvironmentVariable("FIXTURE_SLEEP_SECONDS") ?? "0", CultureInfo.InvariantCulture);
        IfDatabase("postgres").Execute.Sql($"SELECT pg_sleep({seconds})");

        // SQLite has no sleep function: the migration's transaction (and SQLite's write lock) is held this long.
        var sqliteMilliseconds = int.Parse(Environment.GetEnvironmentVariable("FIXTURE_SQLITE_SLEEP_MS") ?? "0", CultureInfo.InvariantCulture);
        if (sqliteMilliseconds > 0)
        {
            IfDatabase("sqlite").Execute.WithConnection((_, _) => Thread.Sleep(sqliteMilliseconds));
        }
    }

    public override void Down() => Delete.Table("slow_marker");
}

[Migration(5, "final step")]
public sealed class FinalStep : Migration
{
    public override void Up()
    {
        Create.Table("final").WithColumn("id").AsInt32();
        if (Environment.GetEnvironmentVariable("FIXTURE_FAIL") == "1")
        {
            Execute.Sql("INSERT INTO missing_table VALUES (1)");
        }
    }

    public override void Down() => Delete.Table("final");
}

// Only Staging runs this: load-test accounts nobody else should have.
[Migration(6, "staging load-test widgets")]
[Tags("Staging")]
public sealed class StagingOnly : Migration
{
    public override void Up() => Create.Table("load_test").WithColumn("id").AsInt32();

    public override void Down() => Delete.Table("load_test");
}
