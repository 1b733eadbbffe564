using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Tests.Sqlite.TestMigrations.Ledger;

// A referenced table with an index, a trigger, a view and children of every delete rule, then
// changes SQLite can only make by rebuilding it.

[Migration(1, "accounts with cascading, nulling and restricting children")]
public sealed class CreateLedger : Migration
{
    public override void Up()
    {
        Create.Table("Account")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Code").AsString(20).Indexed("IX_Account_Code")
            .WithColumn("Balance").AsDecimal(12, 2).Nullable();
        Create.Table("Entry")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("AccountId").AsInt32().ForeignKey("FK_Entry_Account", "Account", "Id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("Amount").AsDecimal(12, 2);
        Create.Table("Memo")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("AccountId").AsInt32().Nullable().ForeignKey("FK_Memo_Account", "Account", "Id").OnDelete(Rule.SetNull);
        Create.Table("Hold")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("AccountId").AsInt32().ForeignKey("FK_Hold_Account", "Account", "Id").OnDelete(ForeignKeyRule.Restrict);
        Create.Table("AuditTrail").WithColumn("Note").AsString();
        IfDatabase("sqlite").Execute.Sql(
            "CREATE TRIGGER \"trg_account_audit\" AFTER UPDATE OF \"Balance\" ON \"Account\" BEGIN INSERT INTO \"AuditTrail\" VALUES ('balance'); END");
        IfDatabase("sqlite").Execute.Sql("CREATE VIEW \"account_codes\" AS SELECT \"Code\" FROM \"Account\"");
    }

    public override void Down()
    {
        IfDatabase("sqlite").Execute.Sql("DROP VIEW \"account_codes\"");
        Delete.Table("AuditTrail");
        Delete.Table("Hold");
        Delete.Table("Memo");
        Delete.Table("Entry");
        Delete.Table("Account");
    }
}

[Migration(2, "widen Code, make Balance NOT NULL with a default")]
public sealed class TightenAccount : Migration
{
    public override void Up()
    {
        Alter.Column("Code").OnTable("Account").AsString(40);
        Alter.Column("Balance").OnTable("Account").AsDecimal(14, 2).NotNullable().WithDefaultValue(0);
    }

    public override void Down()
    {
        Alter.Column("Balance").OnTable("Account").AsDecimal(12, 2).Nullable();
        Delete.DefaultConstraint().OnTable("Account").OnColumn("Balance");
        Alter.Column("Code").OnTable("Account").AsString(20);
    }
}

[Migration(3, "a foreign key the existing rows violate")]
public sealed class ReferenceMissingRows : Migration
{
    public override void Up()
    {
        Create.Table("Region").WithColumn("Id").AsInt32().PrimaryKey();
        Alter.Table("Account").AddColumn("RegionId").AsInt32().Nullable();
        Execute.Sql("UPDATE \"Account\" SET \"RegionId\" = 7");
        Create.ForeignKey("FK_Account_Region").FromTable("Account").ForeignColumn("RegionId").ToTable("Region").PrimaryColumn("Id");
    }

    public override void Down()
    {
        Delete.ForeignKey("FK_Account_Region").OnTable("Account");
        Delete.Column("RegionId").FromTable("Account");
        Delete.Table("Region");
    }
}
