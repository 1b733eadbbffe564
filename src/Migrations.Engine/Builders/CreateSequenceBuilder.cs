using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Builders;

/// <summary><c>Create.Sequence(name).InSchema(s).IncrementBy(n).MinValue(n).MaxValue(n).StartWith(n).Cache(n).Cycle()</c>.</summary>
public sealed class CreateSequenceBuilder(string name) : IExpressionBuilder
{
    private SequenceDefinition _sequence = new() { Name = name };

    public CreateSequenceBuilder InSchema(string schemaName) => Set(s => s with { SchemaName = schemaName });

    public CreateSequenceBuilder IncrementBy(long increment) => Set(s => s with { Increment = increment });

    public CreateSequenceBuilder MinValue(long value) => Set(s => s with { MinValue = value });

    public CreateSequenceBuilder MaxValue(long value) => Set(s => s with { MaxValue = value });

    public CreateSequenceBuilder StartWith(long value) => Set(s => s with { StartWith = value });

    public CreateSequenceBuilder Cache(long value) => Set(s => s with { Cache = value });

    public CreateSequenceBuilder Cycle() => Set(s => s with { Cycle = true });

    private CreateSequenceBuilder Set(Func<SequenceDefinition, SequenceDefinition> change)
    {
        _sequence = change(_sequence);
        return this;
    }

    public IEnumerable<MigrationExpression> Build() => [new CreateSequenceExpression(_sequence)];
}
