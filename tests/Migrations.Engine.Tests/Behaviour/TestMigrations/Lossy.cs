using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.Lossy;

[Migration(1, "notes")]
public sealed class CreateNote : Migration
{
    public override void Up() => Create.Table("note").WithColumn("id").AsInt32().PrimaryKey().WithColumn("body").AsString();

    public override void Down() => Delete.Table("note");
}

[Migration(2, "note tags")]
public sealed class AddTag : Migration
{
    public override void Up() => Alter.Table("note").AddColumn("tag").AsString(20).Nullable();

    public override void Down() => Delete.Column("tag").FromTable("note");
}

[Migration(3, "archive, dropped by raw SQL on the way down")]
public sealed class CreateArchive : Migration
{
    public override void Up() => Execute.Sql("CREATE TABLE \"archive\" (\"id\" INTEGER)");

    public override void Down() => Execute.Sql("DROP TABLE IF EXISTS \"archive\"");
}

[Migration(4, "summaries computed from notes")]
[LosesDataOnRollback("the summaries are computed from notes and are not kept on rollback")]
public sealed class CreateSummary : Migration
{
    public override void Up() => Create.Table("summary").WithColumn("n").AsInt32();

    public override void Down() => Delete.Table("summary");
}
