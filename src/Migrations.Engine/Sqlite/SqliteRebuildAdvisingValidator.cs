using System.ComponentModel.DataAnnotations;
using FluentMigrator.Expressions;
using FluentMigrator.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Migrations.Engine.Sqlite;

/// <summary>
/// FluentMigrator's expression validator (whatever is registered), which also shows every
/// expression of the migration to <see cref="SqliteRebuildAdvisor"/>: FluentMigrator validates all
/// of a migration's expressions after opening its scope and before executing the first one.
/// </summary>
public sealed class SqliteRebuildAdvisingValidator(IMigrationExpressionValidator inner, SqliteRebuildAdvisor advisor) : IMigrationExpressionValidator
{
    public IEnumerable<ValidationResult> Validate(IMigrationExpression expression)
    {
        advisor.Observe(expression);
        return inner.Validate(expression);
    }

    /// <summary>Wraps the validator registered so far (FluentMigrator's default when none is) in this one.</summary>
    public static IServiceCollection Decorate(IServiceCollection services)
    {
        var previous = services.LastOrDefault(d => d.ServiceType == typeof(IMigrationExpressionValidator) && !d.IsKeyedService);
        return services.AddScoped<IMigrationExpressionValidator>(sp => new SqliteRebuildAdvisingValidator(Inner(sp, previous), sp.GetRequiredService<SqliteRebuildAdvisor>()));
    }

    private static IMigrationExpressionValidator Inner(IServiceProvider services, ServiceDescriptor? previous) => previous switch
    {
        { ImplementationInstance: IMigrationExpressionValidator instance } => instance,
        { ImplementationFactory: { } factory } => (IMigrationExpressionValidator)factory(services),
        { ImplementationType: { } type } => (IMigrationExpressionValidator)ActivatorUtilities.CreateInstance(services, type),
        _ => ActivatorUtilities.CreateInstance<DefaultMigrationExpressionValidator>(services),
    };
}
