using System.Data;
using FluentMigrator;

namespace Ledger.Data;

// Untagged 10 and 30 run everywhere. The tagged ones run only when a test asks for their tag:
// 20 is a hotfix older than 30 (out of order once 30 is applied), 40 is a breaking change, and
// 50 leaves rows pointing at nothing inside a SQLite table rebuild, and 60's rollback drops a
// parent whose ledger rows would be deleted with it.

[Migration(10, "create ledger")]
public sealed class CreateLedger : Migration
{
    public override void Up() => Create.Table("ledger").WithColumn("id").AsInt32().PrimaryKey().WithColumn("amount").AsDecimal(12, 2).NotNullable();

    public override void Down() => Delete.Table("ledger");
}

[Migration(20, "hotfix: index ledger amounts")]
[Tags("Hotfix")]
public sealed class HotfixLedgerIndex : Migration
{
    public override void Up() => Create.Index("ix_ledger_amount").OnTable("ledger").OnColumn("amount");

    public override void Down() => Delete.Index("ix_ledger_amount").OnTable("ledger");
}

[Migration(30, "add ledger.note")]
public sealed class AddLedgerNote : Migration
{
    public override void Up() => Alter.Table("ledger").AddColumn("note").AsString(200).Nullable();

    public override void Down() => Delete.Column("note").FromTable("ledger");
}

[Migration(40, "drop ledger.note", BreakingChange = true)]
[Tags("Breaking")]
public sealed class DropLedgerNote : Migration
{
    public override void Up() => Delete.Column("note").FromTable("ledger");

    public override void Down() => Alter.Table("ledger").AddColumn("note").AsString(200).Nullable();
}

// The column change makes SQLite rebuild ledger_line with foreign keys off, so the orphans are
// found by the foreign-key check before commit: a long error whose advice comes last.
[Migration(50, "ledger lines pointing at nothing")]
[Tags("Orphans")]
public sealed class OrphanedLedgerLines : Migration
{
    public override void Up()
    {
        Create.Table("ledger_line")
            .WithColumn("id").AsInt32().PrimaryKey()
            .WithColumn("ledger_id").AsInt32().NotNullable().ForeignKey("fk_ledger_line_ledger", "ledger", "id")
            .WithColumn("memo").AsString(20).Nullable();
        for (var id = 1; id <= 6; id++)
        {
            Insert.IntoTable("ledger_line").Row(new { id, ledger_id = 1000 + id, memo = "orphan" });
        }

        Alter.Column("memo").OnTable("ledger_line").AsString(200).Nullable();
    }

    public override void Down() => Delete.Table("ledger_line");
}

// Down() forgets ledger.account_id: dropping account would cascade-delete the ledger rows that
// reference it (SQLite), which the data-loss guard counts.
[Migration(60, "ledger rows belong to accounts")]
[Tags("Accounts")]
public sealed class LedgerAccounts : Migration
{
    public override void Up()
    {
        Create.Table("account").WithColumn("id").AsInt32().PrimaryKey();
        Alter.Table("ledger").AddColumn("account_id").AsInt32().Nullable().ForeignKey("fk_ledger_account", "account", "id").OnDelete(Rule.Cascade);
    }

    public override void Down() => Delete.Table("account");
}
