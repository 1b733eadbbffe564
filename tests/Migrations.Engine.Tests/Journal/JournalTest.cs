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

    /// <summary>
    /// FluentMigrator 8.0.1's own runner applies the first migration, leaving its three-column
    /// journal; on PostgreSQL it is then moved from <c>public</c> into our schema, as the runner's message says to.
    /// </summary>
    protected void FluentMigratorJournalInOurPlace()
    {
        PlainFluentMigrator.MigrateUp(Db, typeof(CreateCustomer).Assembly, typeof(CreateCustomer).Namespace, 1);
        if (Provider == Provider.Postgres)
        {
            Db.Execute("CREATE SCHEMA IF NOT EXISTS \"migrations\"; ALTER TABLE \"public\".\"VersionInfo\" SET SCHEMA \"migrations\"");
        }
    }

    /// <summary>Lets a column hold any text, as SQLite's columns always do; PostgreSQL needs its type changed to text.</summary>
    protected void Loosen(string column)
    {
        if (Provider == Provider.Postgres)
        {
            Db.Execute($"ALTER TABLE {Db.Journal} ALTER COLUMN {TestDatabase.Q(column)} TYPE text");
        }
    }
}
