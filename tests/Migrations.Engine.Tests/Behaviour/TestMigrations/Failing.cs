using FluentMigrator;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.Failing;

// Migration 3 creates a table, an index and a column, then fails: none of it may survive.

[Migration(1)]
public sealed class CreateAlpha : Migration
{
    public override void Up() => Create.Table("Alpha").WithColumn("Id").AsInt32().PrimaryKey();

    public override void Down() => Delete.Table("Alpha");
}

[Migration(2)]
public sealed class CreateBeta : Migration
{
    public override void Up() => Create.Table("Beta").WithColumn("Id").AsInt32().PrimaryKey();

    public override void Down() => Delete.Table("Beta");
}

[Migration(3, "fails halfway")]
public sealed class FailHalfway : Migration
{
    public override void Up()
    {
        Create.Table("Gamma").WithColumn("Id").AsInt32().PrimaryKey().WithColumn("Code").AsString(10).Indexed("IX_Gamma_Code");
        Alter.Table("Alpha").AddColumn("Extra").AsString(10).Nullable();
        Insert.IntoTable("Alpha").Row(new { Id = 1 });
        Execute.Sql("INSERT INTO no_such_table VALUES (1)");
    }

    public override void Down() => Delete.Table("Gamma");
}

[Migration(4)]
public sealed class CreateDelta : Migration
{
    public override void Up() => Create.Table("Delta").WithColumn("Id").AsInt32().PrimaryKey();

    public override void Down() => Delete.Table("Delta");
}
