using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Conditional;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ConditionalTests(Provider provider) : DatabaseTest(provider)
{
    [Test]
    public async Task IfDatabase_runs_only_the_branches_for_this_provider_and_undoes_them()
    {
        // The test's own row goes with the table on the way back: data loss is expected here.
        var runner = Harness.Runner(Db, typeof(ProviderSpecific).Assembly, typeof(ProviderSpecific).Namespace, o => o with { AllowDataLoss = true });
        var empty = SchemaSnapshot.Take(Db);

        await runner.MigrateUpAsync();

        Db.Execute("INSERT INTO \"note\" (\"id\", \"body\") VALUES (1, 'hi')");
        Assert.That(Db.Scalar("SELECT \"engine\" FROM \"note_view\""), Is.EqualTo(Provider == Provider.Postgres ? "postgres" : "sqlite"));
        var indexCount = Provider == Provider.Postgres
            ? Db.Count("SELECT count(*) FROM pg_indexes WHERE indexname = 'IX_note_body'")
            : Db.Count("SELECT count(*) FROM sqlite_master WHERE name = 'IX_note_body'");
        Assert.That(indexCount, Is.EqualTo(Provider == Provider.Postgres ? 1 : 0), "the predicate form matched only PostgreSQL");

        await runner.RollbackAsync();
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(empty));
    }

    [Test]
    public async Task The_checksum_is_the_same_on_every_provider()
    {
        await Harness.Runner(Db, typeof(ProviderSpecific).Assembly, typeof(ProviderSpecific).Namespace).MigrateUpAsync();
        var stored = (string)Db.Scalar($"SELECT \"Checksum\" FROM {Db.Journal}")!;

        using var other = TestDatabase.Create(Provider == Provider.Postgres ? Provider.Sqlite : Provider.Postgres);
        await Harness.Runner(other, typeof(ProviderSpecific).Assembly, typeof(ProviderSpecific).Namespace).MigrateUpAsync();

        Assert.That(other.Scalar($"SELECT \"Checksum\" FROM {other.Journal}"), Is.EqualTo(stored));
        Assert.That(stored, Has.Length.EqualTo(64));
        Assert.That(ExpressionFingerprint.Compute([]), Is.Not.EqualTo(stored));
    }
}
