using FluentMigrator;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.InheritedTags;

// Tags on a base class and on an interface apply to the migration, as in FluentMigrator.

[Tags("Staging")]
public interface IStagingStep;

[Tags("Production")]
public abstract class ProductionStep : Migration;

[Migration(1)]
public sealed class InheritsTags : ProductionStep, IStagingStep
{
    public override void Up()
    {
    }

    public override void Down()
    {
    }
}
