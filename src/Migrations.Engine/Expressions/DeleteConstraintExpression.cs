using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

public sealed record DeleteConstraintExpression(ConstraintDefinition Constraint) : MigrationExpression
{
    public override IEnumerable<string> Validate() => Required(Constraint.TableName, "constraint table name");

    public override string Describe() =>
        $"delete {Constraint.Kind.ToString().ToLowerInvariant()} constraint \"{Constraint.EffectiveName}\" on {Qualified(Constraint.SchemaName, Constraint.TableName)}";
}
