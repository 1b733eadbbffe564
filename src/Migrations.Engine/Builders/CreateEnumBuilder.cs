using Migrations.Engine.Expressions;

namespace Migrations.Engine.Builders;

/// <summary><c>Create.Enum(name).InSchema(s).WithValues("a", "b")</c>: a PostgreSQL enum type (an extension; FluentMigrator has none).</summary>
public sealed class CreateEnumBuilder(string name) : IExpressionBuilder
{
    private string? _schema;
    private IReadOnlyList<string> _values = [];

    public CreateEnumBuilder InSchema(string schemaName)
    {
        _schema = schemaName;
        return this;
    }

    public CreateEnumBuilder WithValues(params string[] values)
    {
        _values = values;
        return this;
    }

    public IEnumerable<MigrationExpression> Build() => [new CreateEnumExpression(_schema, name, _values)];
}
