using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Delete;
using Migrations.Engine.Expressions;

namespace Migrations.Engine.Authoring;

/// <summary>
/// Named table CHECK constraints: <c>Create.CheckConstraint("ck").OnTable("t").Expression("sql")</c>
/// and <c>Delete.CheckConstraint("ck").FromTable("t")</c>. SQLite adds and drops them by a table rebuild.
/// </summary>
public static class CheckConstraintExtensions
{
    public static CheckConstraintBuilder CheckConstraint(this ICreateExpressionRoot create, string constraintName)
    {
        var expression = new CreateCheckConstraintExpression { ConstraintName = constraintName };
        EnumExtensions.Context(create).Expressions.Add(expression);
        return new CheckConstraintBuilder(expression);
    }

    public static CheckConstraintBuilder CheckConstraint(this IDeleteExpressionRoot delete, string constraintName)
    {
        var expression = new DeleteCheckConstraintExpression { ConstraintName = constraintName };
        EnumExtensions.Context(delete).Expressions.Add(expression);
        return new CheckConstraintBuilder(expression);
    }
}

/// <summary>The table, schema and (when creating) the SQL of a named CHECK constraint.</summary>
public sealed class CheckConstraintBuilder(CheckConstraintExpression expression)
{
    public CheckConstraintBuilder OnTable(string tableName)
    {
        expression.TableName = tableName;
        return this;
    }

    public CheckConstraintBuilder FromTable(string tableName) => OnTable(tableName);

    public CheckConstraintBuilder InSchema(string schemaName)
    {
        expression.SchemaName = schemaName;
        return this;
    }

    public CheckConstraintBuilder WithSchema(string schemaName) => InSchema(schemaName);

    public CheckConstraintBuilder Expression(string checkSql)
    {
        if (expression is not CreateCheckConstraintExpression create)
        {
            throw new InvalidOperationException($"Delete.CheckConstraint(\"{expression.ConstraintName}\") takes no expression");
        }

        create.CheckSql = checkSql;
        return this;
    }
}
