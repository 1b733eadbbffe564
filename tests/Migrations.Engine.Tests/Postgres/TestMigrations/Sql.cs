using System.Data;
using FluentMigrator;
using FluentMigrator.Postgres;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Tests.Postgres.TestMigrations.Sql;

// The common cases, one topic a migration, whose exact SQL PostgresSqlTests approves.
[Migration(1)]
public sealed class CreateCustomer : Migration
{
    public override void Up() =>
        Create.Table("Customer").WithDescription("people who order")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Name").AsString(100).WithColumnDescription("as they sign")
            .WithColumn("Note").AsString().Nullable()
            .WithColumn("Score").AsDecimal(12, 2).WithDefaultValue(12.5m).Check("\"Score\" >= 0")
            .WithColumn("Vip").AsBoolean().WithDefaultValue(false)
            .WithColumn("Token").AsGuid().WithDefault(SystemMethods.NewGuid)
            .WithColumn("CreatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("SeenAt").AsDateTimeOffset(3).Nullable()
            .WithColumn("Motto").AsString(50).WithDefaultValue("it's");

    public override void Down() => Delete.Table("Customer");
}

[Migration(2)]
public sealed class CreateMessage : Migration
{
    public override void Up()
    {
        Create.Enum("MessageRole").WithValues("user", "assistant");
        Create.Table("Message")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("CustomerId").AsInt32().ForeignKey("Customer", "Id").OnDelete(ForeignKeyRule.Restrict).OnUpdate(Rule.Cascade)
            .WithColumn("Role").AsEnum("MessageRole", "user", "assistant");
    }

    public override void Down()
    {
        Delete.Table("Message");
        Delete.Enum("MessageRole");
    }
}

[Migration(3)]
public sealed class IndexMessages : Migration
{
    public override void Up()
    {
        Create.Index("IX_queue").OnTable("Message").OnColumn("Role").Ascending().OnColumn("CustomerId").Descending()
            .WithOptions().Unique().WithOptions().Filter("\"Role\" = 'user'");
        Create.Index().OnTable("Message").OnColumn("CustomerId").Ascending();
    }

    public override void Down()
    {
        Delete.Index("IX_Message_CustomerId").OnTable("Message");
        Delete.Index("IX_queue").OnTable("Message");
    }
}

[Migration(4)]
public sealed class ConstrainCustomer : Migration
{
    public override void Up()
    {
        Alter.Table("Customer").AddColumn("Code").AsString(10).Nullable().Check("\"Code\" <> ''");
        Create.CheckConstraint("CK_Customer_name").OnTable("Customer").Expression("\"Name\" <> ''");
        Alter.Column("Motto").OnTable("Customer").AsString(50).NotNullable().WithDefaultValue("carpe").Check("\"Motto\" <> 'x'");
        Create.ForeignKey("FK_Customer_Referrer").FromTable("Customer").ForeignColumn("Id").ToTable("Customer").PrimaryColumn("Id")
            .OnDelete(ForeignKeyRule.Restrict).OnUpdate(ForeignKeyRule.Restrict);
    }

    public override void Down()
    {
        Delete.ForeignKey("FK_Customer_Referrer").OnTable("Customer");
        Delete.CheckConstraint("Customer_Motto_check").FromTable("Customer");
        Delete.CheckConstraint("CK_Customer_name").FromTable("Customer");
        Delete.Column("Code").FromTable("Customer");
    }
}

[Migration(5)]
public sealed class SeedCustomers : Migration
{
    public override void Up()
    {
        Insert.IntoTable("Customer").OnConflictDoNothing()
            .Row(new { Id = 1, Name = "O'Brien", Vip = true, Score = 1.5m })
            .Row(new { Id = 2, Name = "Bea" });
        Insert.IntoTable("Customer")
            .Row(new { Id = 3, Name = "Cy", SeenAt = new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), CreatedAt = new DateTime(2024, 1, 2, 3, 4, 5, 250) });
    }

    public override void Down() => Delete.FromTable("Customer").Row(new { Id = 3 }).Row(new { Id = 2 }).Row(new { Id = 1 });
}
