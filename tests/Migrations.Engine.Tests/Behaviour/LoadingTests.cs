using Migrations.Engine.Planning;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Breaking;
using Migrations.Engine.Tests.Behaviour.TestMigrations.DuplicateVersions;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Invalid;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>What loading and building refuse before any change reaches the database.</summary>
public sealed class LoadingTests
{
    [Test]
    public void An_invalid_expression_is_an_error_naming_the_migration_and_the_problem()
    {
        using var db = TestDatabase.Create(Provider.Sqlite);
        var runner = Harness.Runner(db, typeof(NamelessTable).Assembly, typeof(NamelessTable).Namespace);

        var error = Assert.ThrowsAsync<InvalidMigrationException>(() => runner.MigrateUpAsync());

        // FluentMigrator's own validation messages, under our error that names the migration.
        Assert.That(error!.Message, Does.Contain("7: NamelessTable")
            .And.Contain("The table's name cannot be null or an empty string")
            .And.Contain("The column does not have a type defined"));
        Assert.That(Harness.JournalVersions(db), Is.Empty);
    }

    [Test]
    public void Two_migrations_with_one_version_are_an_error_at_load_time()
    {
        var error = Assert.Throws<InvalidMigrationException>(() => MigrationCatalog.Load([typeof(LoadingTests).Assembly], typeof(First).Namespace));

        Assert.That(error!.Message, Does.Contain("version 5").And.Contain("First").And.Contain("Second"));
    }

    [Test]
    public void A_breaking_change_is_refused_unless_allowed()
    {
        using var db = TestDatabase.Create(Provider.Sqlite);
        var ns = typeof(DropsEverything).Namespace;

        var error = Assert.ThrowsAsync<MigrationRefusedException>(() => Harness.Runner(db, typeof(LoadingTests).Assembly, ns).MigrateUpAsync());

        Assert.That(error!.Message, Does.Contain("8: DropsEverything").And.Contain("breaking change"));
        Assert.DoesNotThrowAsync(() => Harness.Runner(db, typeof(LoadingTests).Assembly, ns, o => o with { AllowBreakingChange = true }).MigrateUpAsync());
    }
}
