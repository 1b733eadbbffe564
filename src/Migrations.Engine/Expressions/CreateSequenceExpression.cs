using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

public sealed record CreateSequenceExpression(SequenceDefinition Sequence) : MigrationExpression
{
    public override IEnumerable<string> Validate()
    {
        var errors = Required(Sequence.Name, "sequence name").ToList();
        if (Sequence.Cache is < 1)
        {
            errors.Add($"sequence \"{Sequence.Name}\" cache must be at least 1");
        }

        if (Sequence.Increment is 0)
        {
            errors.Add($"sequence \"{Sequence.Name}\" increment cannot be 0");
        }

        return errors;
    }

    public override MigrationExpression Reverse() => new DeleteSequenceExpression(Sequence.SchemaName, Sequence.Name);

    public override string Describe() => $"create sequence {Qualified(Sequence.SchemaName, Sequence.Name)}";
}
