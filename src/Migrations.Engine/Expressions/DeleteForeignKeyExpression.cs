using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

public sealed record DeleteForeignKeyExpression(ForeignKeyDefinition ForeignKey) : MigrationExpression
{
    public override IEnumerable<string> Validate() =>
        Required(ForeignKey.ForeignTable, "foreign key table name").Concat(Required(ForeignKey.EffectiveName, "foreign key name"));

    // Only a fully described foreign key can be recreated.
    public override MigrationExpression? Reverse() =>
        ForeignKey.ForeignColumns.Count > 0 && ForeignKey.PrimaryColumns.Count > 0 ? new CreateForeignKeyExpression(ForeignKey) : null;

    public override string Describe() => $"delete foreign key \"{ForeignKey.EffectiveName}\" on {Qualified(ForeignKey.ForeignTableSchema, ForeignKey.ForeignTable)}";
}
