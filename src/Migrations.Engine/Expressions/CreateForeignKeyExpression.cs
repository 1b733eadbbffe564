using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

public sealed record CreateForeignKeyExpression(ForeignKeyDefinition ForeignKey) : MigrationExpression
{
    public override IEnumerable<string> Validate() => ForeignKeyRules.Validate(ForeignKey);

    public override MigrationExpression Reverse() => new DeleteForeignKeyExpression(ForeignKey);

    public override string Describe() => $"create foreign key \"{ForeignKey.EffectiveName}\" on {Qualified(ForeignKey.ForeignTableSchema, ForeignKey.ForeignTable)}";
}
