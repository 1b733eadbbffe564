using FluentMigrator;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.Seeding;

[Migration(1, "a table of every type the seeds write")]
public sealed class CreateSample : Migration
{
    public override void Up()
    {
        Create.Enum("sample_kind").WithValues("a", "b");
        Create.Table("sample")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("n").AsInt64()
            .WithColumn("label").AsString(40).Nullable()
            .WithColumn("kind").AsEnum("sample_kind", "a", "b")
            .WithColumn("data").AsCustom("jsonb").Nullable()
            .WithColumn("at").AsDateTimeOffset()
            .WithColumn("price").AsDecimal(10, 2)
            .WithColumn("ok").AsBoolean();
    }

    public override void Down()
    {
        Delete.Table("sample");
        Delete.Enum("sample_kind");
    }
}

[Profile("Demo")]
public sealed class DemoRows(ILogger<DemoRows> logger) : Migration
{
    public static readonly Guid First = Guid.Parse("00000000-0000-4000-8000-000000000001");

    public override void Up()
    {
        if (!Schema.Table("sample").Exists())
        {
            logger.LogInformation("sample is not there yet: demo rows skipped");
            return;
        }

        Insert.IntoTable("sample").OnConflictDoNothing()
            .Row(new { id = First, n = 1L, label = "first", kind = "a", at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), price = 1.5m, ok = true });
    }

    public override void Down()
    {
    }
}

[Profile("Volume")]
public sealed class VolumeRows(RunSettings run) : Migration
{
    public override void Up()
    {
        // Deterministic rows: re-seeding replaces them with the same values.
        Execute.Sql("DELETE FROM \"sample\" WHERE \"n\" >= 1000000");
        var scale = run.SeedScale;
        Insert.IntoTable("sample").Bulk(["id", "n", "label", "kind", "data", "at", "price", "ok"], () => Rows(scale));
    }

    public override void Down()
    {
    }

    private static IEnumerable<object?[]> Rows(int scale)
    {
        for (var i = 0; i < scale; i++)
        {
            var id = new Guid(i, 0, 0x4000, [0x80, 0, 0, 0, 0, 0, 0, 1]);
            yield return [id, 1_000_000L + i, i % 3 == 0 ? null : $"row {i}", i % 2 == 0 ? "a" : "b", $"{{\"i\": {i}}}",
                new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i), 10.25m + i, i % 2 == 0];
        }
    }
}
