using FluentMigrator.Runner.Generators;
using FluentMigrator.Runner.Generators.Postgres;
using Microsoft.Extensions.Options;

namespace Migrations.Engine.Postgres;

/// <summary>FluentMigrator's PostgreSQL 15 generator, with the features our authoring extensions store.</summary>
public class PostgresGenerator(PostgresQuoter quoter, IOptions<GeneratorOptions> options, IPostgresTypeMap typeMap)
    : Postgres15_0Generator(quoter, options, typeMap)
{
}
