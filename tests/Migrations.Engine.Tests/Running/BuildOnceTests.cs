using Migrations.Engine.Tests.Running.TestMigrations.BuildCounting;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Running;

/// <summary>Each migration is built once per run; only one that asks the database about its schema is built again, and then it sees the earlier steps' work.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class BuildOnceTests(Provider provider) : DatabaseTest(provider)
{
    [Test]
    public async Task A_migration_that_asks_nothing_is_built_once_and_one_that_asks_sees_the_earlier_steps()
    {
        var runner = Harness.Runner(Db, typeof(CreateFirst).Assembly, typeof(CreateFirst).Namespace);
        await runner.MigrateUpAsync();

        var connection = runner.Options.ConnectionString;
        Assert.That(LiveBuilds.Of<CreateFirst>(connection), Is.EqualTo(1), "a migration that asks nothing is built once per run");
        Assert.That(LiveBuilds.Of<CreateSecond>(connection), Is.EqualTo(1), "a migration that asks nothing is built once per run");
        Assert.That(LiveBuilds.Of<CreateThirdIfFirstExists>(connection), Is.EqualTo(2), "built before the run, and again once the earlier steps ran");
        Assert.That(SchemaSnapshot.Tables(Db), Does.Contain("third_saw_first").And.No.Contain("third_missed_first"));
    }
}
