using System.CommandLine;
using Migrations.Engine.Running;
using Migrations.Runner.Cli;
using Migrations.Runner.Configuration;

namespace Migrations.Runner.Commands;

/// <summary>
/// One command of the runner. The executor resolves the environment and the databases, then
/// calls <see cref="RunAsync"/> once per database, in turn, and <see cref="FinishAsync"/> once.
/// </summary>
public interface IRunnerCommand
{
    string Name { get; }

    string Description { get; }

    /// <summary>The options this command declares beyond the common ones.</summary>
    IReadOnlyList<Option> Options { get; }

    /// <summary>The request with this command's own options read from the parse.</summary>
    RunRequest Read(ParseResult result, RunRequest common);

    /// <summary>True when the command must name one database (rollback).</summary>
    bool ActsOnOneDatabase(RunRequest request) => false;

    /// <summary>True when the command changes the database (so backups apply).</summary>
    bool Changes(RunRequest request) => false;

    /// <summary>True when the command applies migrations or scripts their journal rows (migrate, its dry run, script), so the row must fit.</summary>
    bool AppliesMigrations(RunRequest request) => false;

    /// <summary>Before any database is changed, once per database: a check that stops the whole run.</summary>
    Task BeforeAnyChangeAsync(Migrator migrator, DatabaseTarget target, RunRequest request, CommandOutput output, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs against one database.</summary>
    Task RunAsync(Migrator migrator, DatabaseTarget target, RunRequest request, CommandOutput output, CancellationToken cancellationToken);

    /// <summary>After the last database: the exit code (or a thrown check failure).</summary>
    Task<int> FinishAsync(RunRequest request, CommandOutput output, CancellationToken cancellationToken) => Task.FromResult(ExitCodes.Success);
}
