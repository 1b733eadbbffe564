namespace Migrations.Engine.Expressions;

/// <summary>
/// Expressions that apply only on the named database types. Every branch is kept in the
/// migration (and in its checksum) so the checksum is the same on every provider; the runner
/// keeps the branches that match the database it runs against.
/// </summary>
public sealed record IfDatabaseExpression(IReadOnlyList<string> DatabaseTypes, IReadOnlyList<MigrationExpression> Expressions) : MigrationExpression
{
    public bool Matches(IEnumerable<string> databaseTypeNames) =>
        DatabaseTypes.Any(wanted => databaseTypeNames.Contains(wanted, StringComparer.OrdinalIgnoreCase));

    public override IEnumerable<string> Validate() => Expressions.SelectMany(e => e.Validate());

    public override MigrationExpression? Reverse()
    {
        var reversed = Expressions.Reverse().Select(e => e.Reverse()).ToArray();
        return reversed.Any(r => r is null) ? null : new IfDatabaseExpression(DatabaseTypes, reversed!);
    }

    public override IEnumerable<DataLossProbe> DataLoss() => Expressions.SelectMany(e => e.DataLoss());

    public override string Describe() =>
        $"if database {string.Join("/", DatabaseTypes)}: " + string.Join("; ", Expressions.Select(e => e.Describe()));
}
