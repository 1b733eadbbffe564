using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

public sealed record CreateConstraintExpression(ConstraintDefinition Constraint) : MigrationExpression
{
    public override IEnumerable<string> Validate()
    {
        var errors = Required(Constraint.TableName, "constraint table name");
        return Constraint.Kind == ConstraintKind.Check
            ? errors.Concat(Required(Constraint.CheckExpression, $"expression of check constraint \"{Constraint.EffectiveName}\""))
            : errors.Concat(RequiredList(Constraint.Columns, $"columns of constraint \"{Constraint.EffectiveName}\""));
    }

    public override MigrationExpression Reverse() => new DeleteConstraintExpression(Constraint);

    public override string Describe() =>
        $"create {Constraint.Kind.ToString().ToLowerInvariant()} constraint \"{Constraint.EffectiveName}\" on {Qualified(Constraint.SchemaName, Constraint.TableName)}";
}
