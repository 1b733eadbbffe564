using Migrations.Runner.Scaffolding;

namespace Migrations.Runner.Tests.New;

/// <summary>The version schemes of <c>new</c> at fixed times: the next version is always above the newest, and a mis-shaped one is refused.</summary>
public sealed class NewCommandVersionSchemeTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 30, 15, TimeSpan.Zero);

    [Test]
    public void A_dated_counter_starts_the_day_at_its_first_number_and_then_counts_on()
    {
        var claims = new VersionScheme.DatedCounter(4, 1);

        Assert.That(claims.Next(202601010006, Noon), Is.EqualTo(202612030001));
        Assert.That(claims.Next(202612030001, Noon), Is.EqualTo(202612030002));
        Assert.That(claims.Next(null, Noon), Is.EqualTo(202612030001));
        Assert.That(new VersionScheme.DatedCounter(4, 0).Next(202511110000, Noon), Is.EqualTo(202612030000));
        Assert.That(new VersionScheme.DatedCounter(2, 1).Next(2025111901, Noon), Is.EqualTo(2026120301));
    }

    [Test]
    public void A_dated_counter_follows_a_newest_version_dated_ahead_and_refuses_when_its_day_is_used_up()
    {
        var clearway = new VersionScheme.DatedCounter(2, 1);

        Assert.That(clearway.Next(2027010105, Noon), Is.EqualTo(2027010106));
        Assert.That(() => clearway.Next(2026120399, Noon), Throws.TypeOf<UsageException>().With.Message.EqualTo("the counter of 20261203 is used up (2026120399 is the newest); give --migration-version"));
    }

    [Test]
    public void A_timestamp_is_now_or_one_second_after_the_newest()
    {
        var filetrack = new VersionScheme.Timestamp();

        Assert.That(filetrack.Next(20250120000000, Noon), Is.EqualTo(20261203123015));
        Assert.That(filetrack.Next(20261203123015, Noon), Is.EqualTo(20261203123016));
        Assert.That(filetrack.Next(20261231235959, Noon), Is.EqualTo(20270101000000));
    }

    [Test]
    public void A_sequence_takes_the_number_after_the_newest_and_never_fills_a_gap()
    {
        var workspace = new VersionScheme.Sequence(9999);

        Assert.That(workspace.Next(28, Noon), Is.EqualTo(29));
        Assert.That(workspace.Next(null, Noon), Is.EqualTo(1));
        Assert.That(() => workspace.Next(9999, Noon), Throws.TypeOf<UsageException>());
    }

    [TestCase(202612030001L, null)]
    [TestCase(202612030000L, "its day's counter starts at 0001")]
    [TestCase(20261203001L, "YYYYMMDDNNNN has 12 digits")]
    [TestCase(202602300001L, "20260230 is not a date (YYYYMMDD)")]
    public void A_chosen_claims_version_must_have_its_shape(long version, string? misfit) =>
        Assert.That(new VersionScheme.DatedCounter(4, 1).Misfit(version), Is.EqualTo(misfit));

    [Test]
    public void Names_become_class_names_and_file_names()
    {
        Assert.That(MigrationName.ClassName("add_nps-submissions table"), Is.EqualTo("AddNpsSubmissionsTable"));
        Assert.That(MigrationName.ClassName("AddNpsSubmissions"), Is.EqualTo("AddNpsSubmissions"));
        Assert.That(MigrationName.SnakeCase("SyncHTTPLog"), Is.EqualTo("sync_http_log"));
        Assert.That(DatabaseLayout.Find("junkquote")!.Literal(202612030000), Is.EqualTo("2026_12_03_0000"));
        Assert.That(DatabaseLayout.Find("workspace")!.GivenName("M0029_AddWidgets"), Is.EqualTo("AddWidgets"));
        Assert.That(DatabaseLayout.Find("claims")!.GivenName("M0029_AddWidgets"), Is.EqualTo("M0029_AddWidgets"));
    }
}
