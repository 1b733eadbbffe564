using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// 0021: how a list member hears about changes by email. Existing members get 'instant', what
/// they received before. On SQLite, Down() drops the column by a table rebuild (its CHECK blocks
/// SQLite's in-place DROP COLUMN).
/// </summary>
[Migration(21, "0021_list_member_delivery_prefs.sql")]
public sealed class M0021_ListMemberDeliveryPrefs : Migration
{
    public override void Up() =>
        Alter.Table("list_members")
            .AddColumn("delivery_preference").AsString().NotNullable().WithDefaultValue("instant")
            .Check(Sql.In("delivery_preference", "instant", "daily_digest", "none"));

    public override void Down() => Delete.Column("delivery_preference").FromTable("list_members");
}
