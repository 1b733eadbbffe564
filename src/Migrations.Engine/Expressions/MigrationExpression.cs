namespace Migrations.Engine.Expressions;

/// <summary>
/// One thing a migration asks the database to do. Expressions are immutable, validate their own
/// shape, and know their reverse where one exists (for <see cref="AutoReversingMigration"/>).
/// </summary>
public abstract record MigrationExpression
{
    /// <summary>The problems with this expression's shape; empty when it is valid.</summary>
    public abstract IEnumerable<string> Validate();

    /// <summary>The expression that undoes this one, or null when it cannot be undone automatically.</summary>
    public virtual MigrationExpression? Reverse() => null;

    /// <summary>What this expression would destroy, for the data-loss guard to measure; empty when nothing.</summary>
    public virtual IEnumerable<DataLossProbe> DataLoss() => [];

    /// <summary>A short phrase for messages, such as <c>create table "Lead"</c>.</summary>
    public abstract string Describe();

    protected static IEnumerable<string> Required(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? [$"{what} is missing"] : [];

    protected static IEnumerable<string> RequiredList<T>(IReadOnlyList<T> values, string what) =>
        values.Count == 0 ? [$"{what}: none given"] : [];

    protected static string Qualified(string? schema, string name) =>
        schema is null ? $"\"{name}\"" : $"\"{schema}\".\"{name}\"";
}
