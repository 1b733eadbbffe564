using System.ComponentModel.DataAnnotations;
using FluentMigrator.Expressions;

namespace Migrations.Engine.Expressions;

/// <summary><c>ALTER TABLE t ADD CONSTRAINT ck CHECK (sql)</c>; a table rebuild on SQLite.</summary>
public sealed class CreateCheckConstraintExpression : CheckConstraintExpression, IValidatableObject
{
    public string CheckSql { get; set; } = "";

    public override string Operation => $"add check constraint {ConstraintName} to {TableName}";

    protected override void Dispatch(IExtendedProcessor processor) => processor.Process(this);

    public override IMigrationExpression Reverse() =>
        new DeleteCheckConstraintExpression { SchemaName = SchemaName, TableName = TableName, ConstraintName = ConstraintName };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(CheckSql))
        {
            yield return new ValidationResult($"check constraint {ConstraintName} has no expression: add .Expression(\"...\")");
        }
    }
}
