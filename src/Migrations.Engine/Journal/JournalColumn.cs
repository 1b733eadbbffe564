namespace Migrations.Engine.Journal;

/// <summary>One column of the journal table as the database describes it.</summary>
/// <param name="FilledByTheDatabase">A default, an identity, a generated column or SQLite's rowid: an insert may leave it out.</param>
public sealed record JournalColumn(string Name, bool NotNull, bool FilledByTheDatabase);
