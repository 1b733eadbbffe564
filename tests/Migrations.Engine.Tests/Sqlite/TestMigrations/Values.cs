using FluentMigrator;
using FluentMigrator.Postgres;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Tests.Sqlite.TestMigrations.Values;

// Types whose values must read back as written, checks, an enum, a partial index and provider branches.

[Migration(1, "values of every awkward type")]
public sealed class CreateValues : Migration
{
    public static readonly Guid Id = Guid.Parse("5f0c2a8e-9d1b-4c3e-8a7f-0123456789ab");
    public static readonly DateTimeOffset At = new(2025, 3, 14, 15, 9, 26, 535, TimeSpan.FromHours(5.5));

    public override void Up()
    {
        Create.Table("value")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("at").AsDateTimeOffset()
            .WithColumn("day").AsDate()
            .WithColumn("amount").AsDecimal(12, 2)
            .WithColumn("price").AsCurrency()
            .WithColumn("flag").AsBoolean()
            .WithColumn("data").AsBinary(16);
        Insert.IntoTable("value").Row(new
        {
            id = Id,
            at = At,
            day = new DateTime(2025, 3, 14),
            amount = 1234567.89m,
            price = 19.99m,
            flag = true,
            data = new byte[] { 0xCA, 0xFE },
        });
    }

    public override void Down() => Delete.Table("value");
}

[Migration(2, "shapes with an enum kind, a checked side count and one square per side count")]
public sealed class CreateShapes : Migration
{
    public override void Up()
    {
        Create.Enum("shape_kind").WithValues("circle", "square");
        Create.Table("shape")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("kind").AsEnum("shape_kind", "circle", "square")
            .WithColumn("sides").AsInt32().Check("sides BETWEEN 0 AND 12")
            .WithColumn("label").AsString(20).Nullable().Unique();
        Create.Index("UX_shape_square_sides").OnTable("shape").OnColumn("sides").Ascending()
            .WithOptions().Unique()
            .WithOptions().Filter("kind = 'square'");
    }

    public override void Down()
    {
        Delete.Table("shape");
        Delete.Enum("shape_kind");
    }
}

[Migration(3, "one branch per provider")]
public sealed class ProviderBranches : Migration
{
    public override void Up()
    {
        IfDatabase("sqlite").Create.Table("only_sqlite").WithColumn("x").AsInt32();
        IfDatabase("postgres").Create.Table("only_postgres").WithColumn("x").AsInt32();
    }

    public override void Down()
    {
        IfDatabase("sqlite").Delete.Table("only_sqlite");
        IfDatabase("postgres").Delete.Table("only_postgres");
    }
}

/// <summary>A seed run through <c>IMigrationRunner.Up</c> as often as a test likes (not journaled, not scanned: no attribute).</summary>
public sealed class SeedShapes : Migration
{
    public override void Up() =>
        Insert.IntoTable("shape").OnConflictDoNothing()
            .Row(new { id = 1, kind = "circle", sides = 0 })
            .Row(new { id = 2, kind = "square", sides = 4 });

    public override void Down()
    {
    }
}
