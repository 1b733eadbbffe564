using Migrations.Testing;

namespace Migrations.Junkquote.Tests.Schema;

[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class MigrateAndRollbackTests(Provider provider)
{
    private TestDatabase _db = null!;

    [SetUp]
    public void CreateDatabase() => _db = TestDatabase.Create(provider, "junkquote");

    [TearDown]
    public void DropDatabase() => _db.Dispose();

    [Test]
    public async Task Migrates_from_empty_to_latest_in_batch_order()
    {
        var result = await JunkquoteDatabase.Runner(_db).MigrateUpAsync();

        Assert.That(result.Applied.Select(a => a.Migration.Version),
            Is.EqualTo(new[] { JunkquoteVersions.Baseline, JunkquoteVersions.Batch1, JunkquoteVersions.Batch2 }));
        Assert.That(SchemaSnapshot.Tables(_db), Has.Count.EqualTo(15));
    }

    [Test]
    public async Task Rolls_back_from_latest_to_exactly_the_empty_schema()
    {
        var runner = JunkquoteDatabase.Runner(_db);
        var empty = SchemaSnapshot.Take(_db);
        await runner.MigrateUpAsync();

        await runner.RollbackToVersionAsync(0);

        Assert.That(SchemaSnapshot.Take(_db), Is.EqualTo(empty));
        Assert.That(Harness.JournalVersions(_db), Is.Empty);
    }

    [Test]
    public async Task Every_batch_rolls_back_to_exactly_the_schema_before_it()
    {
        var checkedVersions = await Harness.AssertEveryStepReversibleAsync(_db, JunkquoteDatabase.Runner(_db));

        Assert.That(checkedVersions, Is.EqualTo(new[] { JunkquoteVersions.Baseline, JunkquoteVersions.Batch1, JunkquoteVersions.Batch2 }));
    }
}
