using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Tests.Sqlite.TestMigrations.ColumnChecks;

[Migration(1, "tickets with a checked state")]
public sealed class CreateTicket : Migration
{
    public override void Up() =>
        Create.Table("ticket").WithColumn("id").AsInt32().PrimaryKey().WithColumn("state").AsString(10).Check(Sql.In("state", "open", "closed"));

    public override void Down() => Delete.Table("ticket");
}

[Migration(2, "make state optional; its check is not mentioned, so it stays")]
public sealed class OptionalState : Migration
{
    public override void Up() => Alter.Column("state").OnTable("ticket").AsString(10).Nullable();

    public override void Down() => Alter.Column("state").OnTable("ticket").AsString(10).NotNullable();
}

[Migration(3, "a new check replaces the old one")]
public sealed class AllowArchived : Migration
{
    public override void Up() => Alter.Column("state").OnTable("ticket").AsString(10).Check(Sql.In("state", "open", "closed", "archived"));

    public override void Down() => Alter.Column("state").OnTable("ticket").AsString(10).Check(Sql.In("state", "open", "closed"));
}
