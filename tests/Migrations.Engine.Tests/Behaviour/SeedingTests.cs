using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Seeding;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>Profiles as seeders: idempotent demo rows and streamed volume rows on both providers.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class SeedingTests(Provider provider) : DatabaseTest(provider)
{
    private Migrator Runner(string profile, int scale = 1000) =>
        Harness.Runner(Db, typeof(CreateSample).Assembly, typeof(CreateSample).Namespace, o => o with { Profile = profile, SeedScale = scale });

    [Test]
    public async Task Demo_rows_inserted_twice_stay_one_row()
    {
        await Runner("Demo").MigrateUpAsync();
        await Runner("Demo").SeedAsync();

        Assert.That(Db.Count("SELECT count(*) FROM \"sample\""), Is.EqualTo(1));
    }

    [Test]
    public async Task A_profile_whose_table_is_missing_skips_and_says_so()
    {
        var result = await Runner("Demo").SeedAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { "DemoRows" }));
        Assert.That(SchemaSnapshot.Tables(Db), Is.Empty);
    }

    [Test]
    public async Task Volume_rows_stream_in_at_the_requested_scale_with_every_type_and_reseeding_gives_the_same_rows()
    {
        await Runner("Volume", scale: 25_000).MigrateUpAsync();
        var first = Db.Scalar("SELECT sum(\"n\") + sum(\"price\") FROM \"sample\"");

        await Runner("Volume", scale: 25_000).SeedAsync();

        Assert.That(Db.Count("SELECT count(*) FROM \"sample\""), Is.EqualTo(25_000));
        Assert.That(Db.Scalar("SELECT sum(\"n\") + sum(\"price\") FROM \"sample\""), Is.EqualTo(first));
        Assert.That(Db.Count("SELECT count(*) FROM \"sample\" WHERE \"kind\" = 'b'"), Is.EqualTo(12_500));
        Assert.That(Db.Count("SELECT count(*) FROM \"sample\" WHERE \"label\" IS NULL"), Is.EqualTo(8_334));
        var id = Db.Scalar("SELECT \"id\" FROM \"sample\" WHERE \"n\" = 1000001")!.ToString();
        Assert.That(id, Is.EqualTo(new Guid(1, 0, 0x4000, [0x80, 0, 0, 0, 0, 0, 0, 1]).ToString()));
    }
}
