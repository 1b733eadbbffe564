using FluentMigrator;

namespace HalfApplied.Data;

[Migration(1, "create gadget")]
public sealed class CreateGadget : Migration
{
    public override void Up() => Create.Table("gadget").WithColumn("id").AsInt32().PrimaryKey().WithColumn("name").AsString(50);

    public override void Down() => Delete.Table("gadget");
}

// Without a transaction (as CREATE INDEX CONCURRENTLY needs), two statements succeed and the third
// fails: nothing can roll the first two back.
[Migration(2, TransactionBehavior.None, "gadget audit table and name index, then a failing statement")]
public sealed class AuditThenFail : Migration
{
    public override void Up()
    {
        Create.Table("gadget_audit").WithColumn("id").AsInt32();
        Create.Index("IX_gadget_name").OnTable("gadget").OnColumn("name");
        Execute.Sql("INSERT INTO missing_table VALUES (1)");
    }

    public override void Down()
    {
        Delete.Index("IX_gadget_name").OnTable("gadget");
        Delete.Table("gadget_audit");
    }
}
