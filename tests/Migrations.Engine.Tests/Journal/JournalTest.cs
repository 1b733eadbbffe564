using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Basic;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Journal;

/// <summary>What the journal tests share: the three Basic migrations, and ways to leave a journal as another tool would.</summary>
public abstract class JournalTest(Provider provider) : DatabaseTest(provider)
{
    /// <summary>The journal as the runner's messages name it.</summary>
    protected string JournalName => Provider == Provider.Postgres ? "migrations.\"VersionInfo\"" : "\"VersionInfo\"";

    protected Migrator Runner(Func<MigratorOptions, MigratorOptions>? configure = null) =>
        Harness.Runner(Db, typeof(CreateCustomer).Assembly, typeof(CreateCustomer).Namespace, configure);

    /// <summary>FluentMigrator's own journal, where its runner puts it: <c>public</c> on PostgreSQL.</summary>
    protected string FluentMigratorsJournal => Provider == Provider.Postgres ? "\"public\".\"VersionInfo\"" : "\"VersionInfo\"";

    /// <summary>The schema <see cref="JournalSnapshot"/> looks in for FluentMigrator's journal (SQLite has none).</summary>
    protected string FluentMigratorsSchema => Provider == Provider.Postgres ? "public" : "main";

    /// <summary>FluentMigrator 8.0.1's own runner applies the first migration, leaving its three-column journal where it puts it.</summary>
    protected void FluentMigratorAppliedTheFirst() =>
        PlainFluentMigrator.MigrateUp(Db, typeof(CreateCustomer).Assembly, typeof(CreateCustomer).Namespace, 1);

    /// <summary>The versions in FluentMigrator's journal, oldest first.</summary>
    protected IReadOnlyList<long> FluentMigratorsVersions() =>
        Db.Query($"SELECT \"Version\" FROM {FluentMigratorsJournal} ORDER BY \"Version\"").Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Whether PostgreSQL has the runner's own journal schema: never created beside FluentMigrator's journal (SQLite has no schemas).</summary>
    protected bool MigrationsSchemaExists => Provider == Provider.Postgres &&
        Db.Count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'migrations'") > 0;

    /// <summary>Lets a column hold any text, as SQLite's columns always do; PostgreSQL needs its type changed to text.</summary>
    protected void Loosen(string column, string? journal = null)
    {
        if (Provider == Provider.Postgres)
        {
            Db.Execute($"ALTER TABLE {journal ?? Db.Journal} ALTER COLUMN {TestDatabase.Q(column)} TYPE text");
        }
    }
}
