namespace Migrations.Engine.Expressions;

/// <summary>
/// Raw SQL, from a string, a script file or an embedded resource. The text is loaded when the
/// migration is built, so the journal checksum covers the script's content, not only its name.
/// </summary>
public sealed record ExecuteSqlExpression(string Sql) : MigrationExpression
{
    public string? Description { get; init; }

    /// <summary>Where the SQL came from (a file or resource name), for messages.</summary>
    public string? Source { get; init; }

    public override IEnumerable<string> Validate() => Required(Sql, $"SQL of {Source ?? "Execute.Sql"}");

    public override IEnumerable<DataLossProbe> DataLoss() => SqlDataLossScanner.Scan(Sql);

    public override string Describe() => Description ?? (Source is null ? "execute SQL" : $"execute {Source}");
}
