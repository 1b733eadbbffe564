using System.Collections;

namespace Migrations.Engine.Journal;

/// <summary>
/// What a command read from the journal (its rows, or what was made of them: statuses, problems),
/// with whether the journal table exists at all, so "no journal" is never mistaken for "nothing applied yet".
/// </summary>
public sealed class JournalReport<T>(IReadOnlyList<T> items, bool journalExists, string journal) : IReadOnlyList<T>
{
    /// <summary>False when the database has no journal table (or is not there at all).</summary>
    public bool JournalExists => journalExists;

    /// <summary>The journal as messages name it, e.g. <c>migrations."VersionInfo"</c>.</summary>
    public string Journal => journal;

    public int Count => items.Count;

    public T this[int index] => items[index];

    /// <summary>The same journal, other contents.</summary>
    public JournalReport<TOther> With<TOther>(IReadOnlyList<TOther> other) => new(other, journalExists, journal);

    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
