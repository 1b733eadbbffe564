namespace Migrations.Engine.Expressions;

public sealed record DeleteSequenceExpression(string? SchemaName, string SequenceName) : MigrationExpression
{
    public override IEnumerable<string> Validate() => Required(SequenceName, "sequence name");

    public override string Describe() => $"delete sequence {Qualified(SchemaName, SequenceName)}";
}
