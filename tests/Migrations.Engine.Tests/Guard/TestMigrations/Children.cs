using System.Data;
using FluentMigrator;

namespace Migrations.Engine.Tests.Guard.TestMigrations.Children;

/// <summary>
/// A ledger whose later migrations give it parents, each with a <c>Down()</c> that drops the parent
/// while ledger rows still point at it: one through an ON DELETE CASCADE key, one after deleting the key.
/// </summary>
[Migration(1)]
public sealed class CreateLedger : Migration
{
    public override void Up() => Create.Table("ledger").WithColumn("id").AsInt32().PrimaryKey().WithColumn("memo").AsString(50).Nullable();

    public override void Down() => Delete.Table("ledger");
}

[Migration(2, "ledger rows belong to accounts, deleted with them")]
public sealed class AddAccounts : Migration
{
    public override void Up()
    {
        Create.Table("account").WithColumn("id").AsInt32().PrimaryKey();
        Alter.Table("ledger").AddColumn("account_id").AsInt32().Nullable().ForeignKey("fk_ledger_account", "account", "id").OnDelete(Rule.Cascade);
    }

    // Leaves ledger.account_id and its key: dropping account deletes (SQLite) or is refused for (PostgreSQL) the rows that reference it.
    public override void Down() => Delete.Table("account");
}

[Migration(3, "ledger rows name a branch")]
public sealed class AddBranches : Migration
{
    public override void Up()
    {
        Create.Table("branch").WithColumn("id").AsInt32().PrimaryKey();
        Alter.Table("ledger").AddColumn("branch_id").AsInt32().Nullable();
        Create.ForeignKey("fk_ledger_branch").FromTable("ledger").ForeignColumn("branch_id").ToTable("branch").PrimaryColumn("id");
    }

    // Deletes the key first, so the branch ids stay behind pointing at nothing.
    public override void Down()
    {
        Delete.ForeignKey("fk_ledger_branch").OnTable("ledger");
        Delete.Table("branch");
    }
}

[Migration(4, "entries of an account, deleted with it")]
public sealed class CreateEntries : Migration
{
    public override void Up() => Create.Table("entry")
        .WithColumn("id").AsInt32().PrimaryKey()
        .WithColumn("account_id").AsInt32().NotNullable().ForeignKey("fk_entry_account", "account", "id").OnDelete(Rule.Cascade);

    public override void Down() => Delete.Table("entry");
}
