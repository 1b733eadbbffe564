namespace Migrations.Engine.Expressions;

/// <summary><c>ALTER TABLE t DROP CONSTRAINT ck</c>; a table rebuild on SQLite.</summary>
public sealed class DeleteCheckConstraintExpression : CheckConstraintExpression
{
    public override string Operation => $"drop check constraint {ConstraintName} from {TableName}";

    protected override void Dispatch(IExtendedProcessor processor) => processor.Process(this);
}
