using FluentMigrator;

namespace Migrations.Engine.Tests.Guard.TestMigrations.EmbeddedScripts;

[Migration(1)]
public sealed class CreateLedger : Migration
{
    public override void Up() => Create.Table("ledger").WithColumn("id").AsInt32().PrimaryKey().WithColumn("entry").AsString(100).Nullable();

    public override void Down() => Delete.Table("ledger");
}

[Migration(2, "an embedded script that only creates")]
public sealed class CreateLedgerTotals : Migration
{
    public override void Up() => Execute.EmbeddedScript("CreateLedgerTotals.sql");

    public override void Down() => Delete.Table("ledger_total");
}

[Migration(3, "an embedded script, its table a parameter, drops the ledger")]
public sealed class DropLedgerByScript : Migration
{
    public override void Up() => Execute.EmbeddedScript("DropParameterTable.sql", new Dictionary<string, string> { ["table"] = "ledger" });

    public override void Down() => Create.Table("ledger").WithColumn("id").AsInt32().PrimaryKey().WithColumn("entry").AsString(100).Nullable();
}
