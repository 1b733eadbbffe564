namespace Migrations.Engine.Guard;

/// <summary>
/// What a dropped table does to rows of one other table that reference it: how many rows, the
/// statement that applies the key's own rule to them (delete for <c>CASCADE</c>, clear for
/// <c>SET NULL</c>), or, for a key that forbids it (<c>NO ACTION</c>, <c>RESTRICT</c>,
/// <c>SET DEFAULT</c>), none: those rows block the drop.
/// </summary>
public sealed record ChildEffect(string What, long Rows, string? Statement)
{
    /// <summary>Rows no rule of theirs can follow the drop with: they would be left pointing at nothing.</summary>
    public bool Blocks => Statement is null;

    /// <summary>
    /// Whether the runner must run <see cref="Statement"/> itself before the step: the step deletes the
    /// key first, or (SQLite) the drop may run with foreign keys off, so the database would not.
    /// </summary>
    public bool RunnerApplies { get; init; }
}
