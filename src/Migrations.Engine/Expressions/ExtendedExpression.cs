using FluentMigrator;
using FluentMigrator.Expressions;

namespace Migrations.Engine.Expressions;

/// <summary>The base of our own expressions: dispatches to <see cref="IExtendedProcessor"/>, or fails loudly.</summary>
public abstract class ExtendedExpression : MigrationExpressionBase
{
    /// <summary>What the expression does, for errors: "create enum MessageRole".</summary>
    public abstract string Operation { get; }

    public sealed override void ExecuteWith(IMigrationProcessor processor)
    {
        if (processor is not IExtendedProcessor extended)
        {
            throw new UnsupportedOperationException(processor.DatabaseType, Operation);
        }

        Dispatch(extended);
    }

    protected abstract void Dispatch(IExtendedProcessor processor);

    public override string ToString() => Operation;
}
