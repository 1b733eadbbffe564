using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Pricing;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>The guard counts a type change only where the provider would silently alter values.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class TypeChangeLossTests(Provider provider) : DatabaseTest(provider)
{
    private Migrator Runner() => Harness.Runner(Db, typeof(CreatePrice).Assembly, typeof(CreatePrice).Namespace);

    [Test]
    public async Task Widening_passes_and_a_rounding_change_is_refused_where_it_would_round()
    {
        await Runner().MigrateUpAsync(target: 1);
        Db.Execute("INSERT INTO \"price\" VALUES (1, 10.25), (2, NULL), (3, 7.5)");

        await Runner().MigrateUpAsync(target: 2);

        if (Provider == Provider.Postgres)
        {
            var error = Assert.ThrowsAsync<DataLossException>(() => Runner().MigrateUpAsync());
            Assert.That(error!.Losses, Is.EqualTo(new[] { "3: RoundAmount would change the type of \"price\".\"amount\": 2 value(s) would change" }));
            Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
        }
        else
        {
            // A SQLite rebuild copies every value as it is: nothing is rounded.
            await Runner().MigrateUpAsync();
            Assert.That(Convert.ToDecimal(Db.Scalar("SELECT \"amount\" FROM \"price\" WHERE \"id\" = 1"), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(10.25m));
        }
    }
}
