using FluentMigrator.Runner.Initialization;
using FluentMigrator.Runner.Processors;
using FluentMigrator.Runner.Processors.SQLite;
using FluentMigrator.Runner.Generators.SQLite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Migrations.Engine.Expressions;

namespace Migrations.Engine.Sqlite;

/// <summary>FluentMigrator's SQLite processor, with table rebuilds for what SQLite cannot alter in place.</summary>
public class SqliteProcessor(
    SQLiteDbFactory factory,
    SQLiteGenerator generator,
    ILogger<SQLiteProcessor> logger,
    IOptionsSnapshot<ProcessorOptions> options,
    IConnectionStringAccessor connectionStringAccessor,
    IServiceProvider serviceProvider)
    : SQLiteProcessor(factory, generator, logger, options, connectionStringAccessor, serviceProvider, new SQLiteQuoter(false)), IExtendedProcessor
{
    // Enum types do not exist on SQLite: the column's CHECK carries the values.
    public void Process(CreateEnumExpression expression)
    {
    }

    public void Process(DeleteEnumExpression expression)
    {
    }

    public void Process(CreateCheckConstraintExpression expression) => throw new UnsupportedOperationException(DatabaseType, expression.Operation);

    public void Process(DeleteCheckConstraintExpression expression) => throw new UnsupportedOperationException(DatabaseType, expression.Operation);
}
