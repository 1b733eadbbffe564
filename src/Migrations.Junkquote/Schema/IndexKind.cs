namespace Migrations.Junkquote.Schema;

/// <summary>The kinds of index the seed counts in Batch 1 ("Indexes Added (22 total)").</summary>
public enum IndexKind
{
    ForeignKey,
    Temporal,
    Lookup,
    Composite,
}
