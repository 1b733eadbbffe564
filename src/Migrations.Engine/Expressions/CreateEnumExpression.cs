namespace Migrations.Engine.Expressions;

/// <summary>A PostgreSQL enum type. Dialects without enum types create nothing; columns of it get a CHECK.</summary>
public sealed record CreateEnumExpression(string? SchemaName, string EnumName, IReadOnlyList<string> Values) : MigrationExpression
{
    public override IEnumerable<string> Validate()
    {
        var errors = Required(EnumName, "enum name").Concat(RequiredList(Values, $"values of enum \"{EnumName}\"")).ToList();
        errors.AddRange(Values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => $"enum \"{EnumName}\" lists \"{g.Key}\" twice"));
        return errors;
    }

    public override MigrationExpression Reverse() => new DeleteEnumExpression(SchemaName, EnumName);

    public override string Describe() => $"create enum {Qualified(SchemaName, EnumName)}";
}
