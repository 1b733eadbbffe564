using FluentMigrator.Runner.Generators.Postgres;
using FluentMigrator.Runner.Initialization;
using FluentMigrator.Runner.Processors;
using FluentMigrator.Runner.Processors.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Migrations.Engine.Expressions;

namespace Migrations.Engine.Postgres;

/// <summary>FluentMigrator's PostgreSQL 15 processor, with enum types, named CHECKs and bulk COPY.</summary>
public class PostgresProcessor(
    PostgresDbFactory factory,
    Postgres15_0Generator generator,
    ILogger<Postgres15_0Processor> logger,
    IOptionsSnapshot<ProcessorOptions> options,
    IConnectionStringAccessor connectionStringAccessor,
    PostgresOptions pgOptions)
    : Postgres15_0Processor(factory, generator, logger, options, connectionStringAccessor, pgOptions), IExtendedProcessor
{
    // IfDatabase("postgres") is how our migrations name PostgreSQL; FluentMigrator's aliases lack it.
    public override IList<string> DatabaseTypeAliases { get; } = ["PostgreSQL15_0", "PostgreSQL", "Postgres"];

    public void Process(CreateEnumExpression expression) => throw new UnsupportedOperationException(DatabaseType, expression.Operation);

    public void Process(DeleteEnumExpression expression) => throw new UnsupportedOperationException(DatabaseType, expression.Operation);

    public void Process(CreateCheckConstraintExpression expression) => throw new UnsupportedOperationException(DatabaseType, expression.Operation);

    public void Process(DeleteCheckConstraintExpression expression) => throw new UnsupportedOperationException(DatabaseType, expression.Operation);
}
