using FluentMigrator;
using FluentMigrator.Postgres;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.Concurrent;

[Migration(1)]
public sealed class CreateEvents : Migration
{
    public override void Up() => Create.Table("event").WithColumn("id").AsInt32().PrimaryKey().WithColumn("at").AsDateTime();

    public override void Down() => Delete.Table("event");
}

// PostgreSQL refuses CREATE INDEX CONCURRENTLY inside a transaction, hence TransactionBehavior.None.
[Migration(2, TransactionBehavior.None, "index event.at without blocking writes")]
public sealed class IndexEventsConcurrently : Migration
{
    public override void Up() => Create.Index("IX_event_at").OnTable("event").OnColumn("at").Descending().WithOptions().AsConcurrently();

    public override void Down() => Delete.Index("IX_event_at").OnTable("event");
}
