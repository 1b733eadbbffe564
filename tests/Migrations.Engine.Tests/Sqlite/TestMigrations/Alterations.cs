using System.Data;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Tests.Sqlite.TestMigrations.Alterations;

// One change SQLite cannot make in place per migration, each with the Down that undoes it.

[Migration(1, "parents and children, no keys between them yet")]
public sealed class CreateParentsAndChildren : Migration
{
    public override void Up()
    {
        Create.Table("parent")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("code").AsString(10);
        Create.Table("child")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("parent_id").AsInt64().Nullable()
            .WithColumn("qty").AsInt32().Indexed("IX_child_qty")
            .WithColumn("note").AsString(50).Nullable();
        Insert.IntoTable("parent").Row(new { code = "a" }).Row(new { code = "b" }).Row(new { code = "c" });
        Insert.IntoTable("child")
            .Row(new { parent_id = 1, qty = 5, note = "first" })
            .Row(new { parent_id = 1, qty = 7 })
            .Row(new { parent_id = 2, qty = 0 });
    }

    public override void Down()
    {
        Delete.Table("child");
        Delete.Table("parent");
    }
}

[Migration(2, "children restrict deleting their parent")]
public sealed class RestrictChildren : Migration
{
    public override void Up() =>
        Create.ForeignKey("FK_child_parent").FromTable("child").ForeignColumn("parent_id").ToTable("parent").PrimaryColumn("id")
            .OnDelete(ForeignKeyRule.Restrict);

    public override void Down() => Delete.ForeignKey("FK_child_parent").OnTable("child");
}

[Migration(3, "quantities are never negative")]
public sealed class CheckQuantity : Migration
{
    public override void Up() => Create.CheckConstraint("CK_child_qty").OnTable("child").Expression("qty >= 0");

    public override void Down() => Delete.CheckConstraint("CK_child_qty").FromTable("child");
}

[Migration(4, "quantities become decimals")]
public sealed class WidenQuantity : Migration
{
    public override void Up() => Alter.Column("qty").OnTable("child").AsDecimal(10, 2);

    public override void Down() => Alter.Column("qty").OnTable("child").AsInt32();
}

[Migration(5, "every child has a note")]
public sealed class RequireNote : Migration
{
    public override void Up()
    {
        Execute.Sql("UPDATE child SET note = 'none' WHERE note IS NULL");
        Alter.Column("note").OnTable("child").AsString(50).NotNullable().WithDefaultValue("none");
    }

    public override void Down()
    {
        Alter.Column("note").OnTable("child").AsString(50).Nullable();
        Delete.DefaultConstraint().OnTable("child").OnColumn("note");
    }
}

[Migration(6, "a new default alone")]
public sealed class ChangeNoteDefault : Migration
{
    public override void Up() => AlterDefault("tbd");

    public override void Down() => AlterDefault("none");

    // FluentMigrator's builders add this expression beside an Alter.Column; here it stands alone.
    private void AlterDefault(string value) =>
        ((IMigrationContextAccessor)Alter).GetMigrationContext().Expressions.Add(
            new AlterDefaultConstraintExpression { TableName = "child", ColumnName = "note", DefaultValue = value });
}

[Migration(7, "an added column that references the parent (FluentMigrator #2388)")]
public sealed class AddOwner : Migration
{
    public override void Up() =>
        Alter.Table("child").AddColumn("owner_id").AsInt64().Nullable().ForeignKey("FK_child_owner", "parent", "id").OnDelete(Rule.SetNull);

    public override void Down()
    {
        Delete.ForeignKey("FK_child_owner").OnTable("child");
        Delete.Column("owner_id").FromTable("child");
    }
}

[Migration(8, "tags keyed by name after they exist")]
public sealed class KeyTags : Migration
{
    public override void Up()
    {
        Create.Table("tag").WithColumn("name").AsString(20).NotNullable();
        Insert.IntoTable("tag").Row(new { name = "red" }).Row(new { name = "blue" });
        Create.PrimaryKey("PK_tag").OnTable("tag").Column("name");
    }

    public override void Down() => Delete.Table("tag");
}

[Migration(9, "tags lose their key")]
public sealed class UnkeyTags : Migration
{
    public override void Up() => Delete.PrimaryKey("PK_tag").FromTable("tag");

    public override void Down() => Create.PrimaryKey("PK_tag").OnTable("tag").Column("name");
}

[Migration(10, "drop an indexed, checked column and a plain one")]
public sealed class DropQuantityAndNote : ForwardOnlyMigration
{
    public override void Up()
    {
        Delete.Column("qty").FromTable("child");
        Delete.Column("note").FromTable("child");
    }
}
