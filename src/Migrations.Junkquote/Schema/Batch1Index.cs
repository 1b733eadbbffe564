namespace Migrations.Junkquote.Schema;

/// <summary>One Batch 1 index, named by Prisma's convention Table_columns_idx.</summary>
public sealed record Batch1Index(IndexKind Kind, string Table, params string[] Columns)
{
    public string Name => $"{Table}_{string.Join("_", Columns)}_idx";
}
