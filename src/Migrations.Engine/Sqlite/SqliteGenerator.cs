using FluentMigrator.Runner.Generators;
using FluentMigrator.Runner.Generators.SQLite;
using Microsoft.Extensions.Options;

namespace Migrations.Engine.Sqlite;

/// <summary>FluentMigrator's SQLite generator with our type map and the features our authoring extensions store.</summary>
public class SqliteGenerator(SQLiteQuoter quoter, ISQLiteTypeMap typeMap, IOptions<GeneratorOptions> options)
    : SQLiteGenerator(quoter, typeMap, options)
{
}
