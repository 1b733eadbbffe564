namespace Migrations.Engine.Authoring;

/// <summary>
/// The entry that the tool a database was made with recorded for the same change: a Prisma
/// migration name (<c>20251110_add_memory_entities</c>), a Supabase version, a wrangler file name
/// (<c>0026_threads_and_invites.sql</c>), a Flyway version. <c>baseline</c> maps that tool's
/// journal to our migrations with it. A migration may name several (one change split over files).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PreviousJournalEntryAttribute(string entry) : Attribute
{
    public string Entry { get; } = entry;
}
