using System.ComponentModel.DataAnnotations;
using FluentMigrator.Expressions;

namespace Migrations.Engine.Expressions;

/// <summary><c>CREATE TYPE "Name" AS ENUM (...)</c> on PostgreSQL; nothing on SQLite.</summary>
public sealed class CreateEnumExpression : ExtendedExpression, ISchemaExpression, IValidatableObject
{
    public string? SchemaName { get; set; }

    [Required]
    public string TypeName { get; set; } = "";

    public IReadOnlyList<string> Values { get; set; } = [];

    public override string Operation => $"create enum {TypeName}";

    protected override void Dispatch(IExtendedProcessor processor) => processor.Process(this);

    public override IMigrationExpression Reverse() => new DeleteEnumExpression { SchemaName = SchemaName, TypeName = TypeName };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Values.Count == 0)
        {
            yield return new ValidationResult($"enum {TypeName} has no values: add .WithValues(...)");
        }
    }
}
