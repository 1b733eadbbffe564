using Migrations.Engine.Expressions;

namespace Migrations.Engine.Builders;

/// <summary>What a migration sees while it describes its changes.</summary>
public interface IMigrationContext
{
    /// <summary>The database type the run targets, such as <c>Postgres</c> or <c>SQLite</c>.</summary>
    string DatabaseType { get; }

    /// <summary>The database type and its aliases, matched by <c>IfDatabase</c> case-insensitively.</summary>
    IReadOnlyList<string> DatabaseTypeNames { get; }

    /// <summary>Live existence queries (<c>Schema.Table(...).Exists()</c>); they run when the migration is built.</summary>
    IQuerySchema QuerySchema { get; }

    /// <summary>"{version}: {ClassName}", for messages.</summary>
    string MigrationName { get; }

    /// <summary>The run's environment, tags and seed scale.</summary>
    RunSettings Run { get; }

    /// <summary>A line for the run's log (for example: a seeding step skipped because its table is not there yet).</summary>
    void Log(string message);

    void Add(IExpressionBuilder builder);

    void Add(MigrationExpression expression);
}
