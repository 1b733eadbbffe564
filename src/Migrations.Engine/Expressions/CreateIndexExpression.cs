using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

public sealed record CreateIndexExpression(IndexDefinition Index) : MigrationExpression
{
    public override IEnumerable<string> Validate() =>
        Required(Index.TableName, "index table name").Concat(RequiredList(Index.Columns, $"columns of index \"{Index.EffectiveName}\""));

    public override MigrationExpression Reverse() =>
        new DeleteIndexExpression(Index.SchemaName, Index.TableName, Index.EffectiveName) { Concurrently = Index.Concurrently };

    public override string Describe() => $"create index \"{Index.EffectiveName}\" on {Qualified(Index.SchemaName, Index.TableName)}";
}
