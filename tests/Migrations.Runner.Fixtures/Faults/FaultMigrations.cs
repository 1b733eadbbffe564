using FluentMigrator;

namespace Faults.Data;

// Six ordinary steps; FaultSwitches turns each into the fault a test needs.

[Migration(1, "create gauge")]
public sealed class CreateGauge : Migration
{
    public override void Up()
    {
        Create.Table("gauge").WithColumn("id").AsInt32().PrimaryKey().WithColumn("name").AsString(50).NotNullable().WithColumn("reading").AsInt32().Nullable();
        Create.Table("gauge_log").WithColumn("id").AsInt32().PrimaryKey().WithColumn("gauge_id").AsInt32().Nullable();
        Insert.IntoTable("gauge").Row(new { id = 1, name = "boiler" }).Row(new { id = 2, name = "tank", reading = 7 });

        // The log keeps entries of a gauge long removed: step 5's foreign key must deal with it.
        Insert.IntoTable("gauge_log").Row(new { id = 1, gauge_id = 1 }).Row(new { id = 2, gauge_id = 99 });
    }

    public override void Down()
    {
        Delete.Table("gauge_log");
        Delete.Table("gauge");
    }
}

[Migration(2, "slow step")]
public sealed class SlowStep : Migration
{
    // About what SQLite counts in a second on a laptop; a test interrupts the count long before it ends.
    internal const long CountedPerSecond = 3_000_000;

    public override void Up()
    {
        Create.Table("slow_marker").WithColumn("id").AsInt32();
        if (FaultSwitches.SlowSeconds is var seconds and > 0)
        {
            IfDatabase("postgres").Execute.Sql($"SELECT pg_sleep({seconds})");
            IfDatabase("SQLite").Execute.Sql(
                $"WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < {seconds * CountedPerSecond}) SELECT count(*) FROM counter");
        }
    }

    public override void Down() => Delete.Table("slow_marker");
}

[Migration(3, "gauge.unit, filled in")]
public sealed class AddUnit : Migration
{
    public override void Up()
    {
        Alter.Table("gauge").AddColumn("unit").AsString(10).Nullable();
        Execute.Sql(FaultSwitches.FailSecondStatement ? "UPDATE gauge SET unit = 'kPa' WHERE no_such_column = 1" : "UPDATE gauge SET unit = 'kPa'");
    }

    public override void Down() => Delete.Column("unit").FromTable("gauge");
}

// On SQLite a NOT NULL column means a table rebuild: the copy of a NULL reading fails it.
[Migration(4, "gauge.reading required")]
public sealed class RequireReading : Migration
{
    public override void Up()
    {
        if (!FaultSwitches.BreakRebuild("null-reading"))
        {
            Execute.Sql("UPDATE gauge SET reading = 0 WHERE reading IS NULL");
        }

        Alter.Column("reading").OnTable("gauge").AsInt32().NotNullable();
    }

    public override void Down() => Alter.Column("reading").OnTable("gauge").AsInt32().Nullable();
}

// On SQLite a new foreign key means a rebuild of gauge_log, checked with PRAGMA foreign_key_check.
[Migration(5, "gauge_log.gauge_id references gauge")]
public sealed class LinkLogToGauge : Migration
{
    public override void Up()
    {
        if (!FaultSwitches.BreakRebuild("orphan-log"))
        {
            Execute.Sql("UPDATE gauge_log SET gauge_id = NULL WHERE gauge_id NOT IN (SELECT id FROM gauge)");
        }

        Create.ForeignKey("FK_gauge_log_gauge").FromTable("gauge_log").ForeignColumn("gauge_id").ToTable("gauge").PrimaryColumn("id");
    }

    public override void Down() => Delete.ForeignKey("FK_gauge_log_gauge").OnTable("gauge_log");
}

[Migration(6, "gauge samples")]
public sealed class FillSamples : Migration
{
    public override void Up()
    {
        Create.Table("gauge_sample").WithColumn("id").AsInt32().PrimaryKey().WithColumn("payload").AsString(int.MaxValue).NotNullable();
        if (FaultSwitches.FillRows is var rows and > 0)
        {
            IfDatabase("postgres").Execute.Sql(
                $"INSERT INTO gauge_sample (id, payload) SELECT n, rpad(md5(n::text), 1000, md5(n::text)) FROM generate_series(1, {rows}) AS n");
            IfDatabase("SQLite").Execute.Sql(
                $"WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < {rows}) INSERT INTO gauge_sample (id, payload) SELECT n, hex(randomblob(500)) FROM counter");
        }
    }

    public override void Down() => Delete.Table("gauge_sample");
}

// Without a transaction, as CREATE INDEX CONCURRENTLY needs: a cancel during the slow statement
// leaves gauge_note applied.
[Migration(7, TransactionBehavior.None, "gauge notes, without a transaction")]
public sealed class AddNotesUntransacted : Migration
{
    public override void Up()
    {
        Create.Table("gauge_note").WithColumn("id").AsInt32();
        if (FaultSwitches.SlowUntransactedSeconds is var seconds and > 0)
        {
            IfDatabase("postgres").Execute.Sql($"SELECT pg_sleep({seconds})");
            IfDatabase("SQLite").Execute.Sql(
                $"WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < {seconds * SlowStep.CountedPerSecond}) SELECT count(*) FROM counter");
        }
    }

    public override void Down() => Delete.Table("gauge_note");
}
