using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Generators;
using FluentMigrator.Validation;
using Microsoft.Extensions.DependencyInjection;
using Migrations.Engine.Hosting;
using Migrations.Engine.Postgres;
using Migrations.Engine.Running;

namespace Migrations.Engine.Tests.Postgres;

/// <summary>
/// FluentMigrator configured as a host configures it (<c>AddPostgres15_0()</c> plus
/// <c>AddMigrationsEngine()</c>), in preview, with no database: expressions get FluentMigrator's
/// conventions and validation as the runner gives them, then run through the registered processor
/// and our <see cref="PostgresGenerator"/>, and the statements the processor would send (one each,
/// as it sends them) are returned. Nothing connects.
/// </summary>
internal sealed class PostgresScript : IDisposable
{
    // Preview sends nothing and these expressions ask the database nothing, so the connection is never opened.
    private const string NeverOpened = "Host=127.0.0.1;Port=1;Database=never_opened";

    private readonly ServiceProvider _services;
    private readonly IServiceScope _generatorScope;

    public PostgresScript()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddFluentMigratorCore()
            .ConfigureRunner(runner => runner.AddPostgres15_0().WithGlobalConnectionString(NeverOpened).AsGlobalPreview());
        services.AddMigrationsEngine();
        _services = services.BuildServiceProvider();
        _generatorScope = _services.CreateScope();
        Generator = _generatorScope.ServiceProvider.GetRequiredService<IMigrationGenerator>();
    }

    /// <summary>The generator the DI resolves for PostgreSQL 15 (ours, by <c>AddMigrationsEngine()</c>).</summary>
    public IMigrationGenerator Generator { get; }

    /// <summary>Our generator, for what only it offers (<see cref="PostgresGenerator.TypeSql"/>).</summary>
    public PostgresGenerator Ours => (PostgresGenerator)Generator;

    /// <summary>The statements of <paramref name="expressions"/>, in order.</summary>
    public IReadOnlyList<string> Statements(params IMigrationExpression[] expressions) => Run(_ => expressions);

    /// <summary>
    /// The statements of a migration whose Up() is <paramref name="up"/>: FluentMigrator's builders
    /// make the expressions (a column's foreign key, an altered default and our authoring extensions
    /// become what they become in a real migration).
    /// </summary>
    public IReadOnlyList<string> Migration(Action<Migration> up) => Run(scope =>
    {
        var context = new MigrationContext(scope.GetRequiredService<IMigrationProcessor>(), scope, NeverOpened);
        new InlineMigration(up).GetUpExpressions(context);
        return context.Expressions;
    });

    private List<string> Run(Func<IServiceProvider, IEnumerable<IMigrationExpression>> build)
    {
        using var scope = _services.CreateScope();
        var services = scope.ServiceProvider;
        var log = services.GetRequiredService<StatementLog>();
        log.Keep = true;
        var processor = services.GetRequiredService<IMigrationProcessor>();
        var expressions = build(services).ToList();

        // What the runner does before it executes a migration's expressions (names by convention, then validation).
        ActivatorUtilities.CreateInstance<MigrationValidator>(services, new DefaultMigrationExpressionValidator(services))
            .ApplyConventionsToAndValidateExpressions(new InlineMigration(_ => { }), expressions);
        foreach (var expression in expressions)
        {
            expression.ExecuteWith(processor);
        }

        return [.. log.Statements];
    }

    public void Dispose()
    {
        _generatorScope.Dispose();
        _services.Dispose();
    }

    private sealed class InlineMigration(Action<Migration> up) : Migration
    {
        public override void Up() => up(this);

        public override void Down()
        {
        }
    }
}
