using Migrations.Engine.Builders;
using Migrations.Engine.Expressions;
using Migrations.Engine.Running;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Authoring;

/// <summary>What the authoring API records, and what loading refuses before any database is touched.</summary>
public sealed class LoadingTests
{
    private static IReadOnlyList<MigrationExpression> Up(IMigration migration)
    {
        var context = new MigrationContext("Postgres", NeutralQuerySchema.Instance, "test");
        migration.GetUpExpressions(context);
        return context.BuildExpressions();
    }

    [Test]
    public void Columns_are_not_null_unless_nullable_and_unique_or_indexed_add_index_expressions()
    {
        var expressions = Up(new TestMigrations.Basic.CreateCustomer());

        var table = (CreateTableExpression)expressions[0];
        Assert.That(table.Columns.Select(c => c.EffectiveNullable), Is.EqualTo(new[] { false, false, true }));
        var index = ((CreateIndexExpression)expressions[1]).Index;
        Assert.That((index.EffectiveName, index.IsUnique, index.Columns.Single().Name), Is.EqualTo(("IX_Customer_Email", true, "Email")));
    }

    [Test]
    public void Default_names_follow_fluentmigrator_conventions()
    {
        var expressions = Up(new TestMigrations.Basic.CreateOrder());

        var fk = ((CreateTableExpression)expressions[0]).Columns.Single(c => c.ForeignKey is not null).ForeignKey!;
        Assert.That(fk.EffectiveName, Is.EqualTo("FK_Order_CustomerId_Customer_Id"));
        Assert.That(((CreateTableExpression)expressions[0]).PrimaryKeyName, Is.EqualTo("PK_Order"));
        Assert.That(((CreateIndexExpression)expressions[1]).Index.EffectiveName, Is.EqualTo("IX_Order_CustomerId"));
    }

    [Test]
    public void Set_existing_rows_adds_nullable_fills_then_makes_not_null()
    {
        var expressions = Up(new TestMigrations.AllBuilders.ChangeColumns());

        var region = expressions.SkipWhile(e => e is not CreateColumnExpression { Column.Name: "Region" }).Take(3).ToArray();
        Assert.That(region.Select(e => e.GetType().Name), Is.EqualTo(new[] { "CreateColumnExpression", "UpdateDataExpression", "AlterColumnExpression" }));
        Assert.That(((CreateColumnExpression)region[0]).Column.IsNullable, Is.True);
        Assert.That(((AlterColumnExpression)region[2]).Column.IsNullable, Is.False);
    }

    [Test]
    public void An_invalid_expression_is_an_error_naming_the_migration_and_the_problem()
    {
        using var db = TestDatabase.Create(Provider.Sqlite);
        var runner = Harness.Runner(db, typeof(NamelessTable).Assembly, typeof(NamelessTable).Namespace);

        var error = Assert.ThrowsAsync<InvalidMigrationException>(() => runner.MigrateUpAsync());

        Assert.That(error!.Message, Does.Contain("migration 7: NamelessTable is invalid").And.Contain("table name is missing").And.Contain("has no type"));
        Assert.That(Harness.JournalVersions(db), Is.Empty);
    }

    [Test]
    public void Two_migrations_with_one_version_are_an_error_at_load_time()
    {
        var error = Assert.Throws<InvalidMigrationException>(() => MigrationCatalog.Load([typeof(LoadingTests).Assembly], typeof(DuplicateVersions.First).Namespace));

        Assert.That(error!.Message, Does.Contain("version 5").And.Contain("First").And.Contain("Second"));
    }

    [Test]
    public void A_breaking_change_is_refused_unless_allowed()
    {
        using var db = TestDatabase.Create(Provider.Sqlite);
        var ns = typeof(Breaking.DropsEverything).Namespace;

        var error = Assert.ThrowsAsync<MigrationRefusedException>(() => Harness.Runner(db, typeof(LoadingTests).Assembly, ns).MigrateUpAsync());

        Assert.That(error!.Message, Does.Contain("8: DropsEverything").And.Contain("breaking change"));
        Assert.DoesNotThrowAsync(() => Harness.Runner(db, typeof(LoadingTests).Assembly, ns, o => o with { AllowBreakingChange = true }).MigrateUpAsync());
    }

    [Migration(7)]
    public sealed class NamelessTable : Migration
    {
        public override void Up() => Create.Table("").WithColumn("Id");

        public override void Down()
        {
        }
    }
}
