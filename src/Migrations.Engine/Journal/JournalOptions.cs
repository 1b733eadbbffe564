namespace Migrations.Engine.Journal;

/// <summary>
/// Where FluentMigrator's version loader finds the journal on PostgreSQL: <c>migrations</c>, or
/// <c>public</c> for a journal FluentMigrator's own runner left there (see <see cref="JournalLocation"/>).
/// The runner sets it per run, after looking; a team's own host keeps the default or sets its own.
/// </summary>
public sealed class JournalOptions
{
    public string PostgresSchema { get; set; } = JournalTableMetaData.PostgresSchema;
}
