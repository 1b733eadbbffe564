using FluentMigrator.Builders;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Delete;
using FluentMigrator.Infrastructure;
using Migrations.Engine.Expressions;

namespace Migrations.Engine.Authoring;

/// <summary>
/// Enum types: <c>Create.Enum("Role").WithValues(...)</c>, <c>Delete.Enum("Role")</c> and a column
/// <c>.AsEnum("Role", values)</c>. PostgreSQL gets <c>CREATE TYPE ... AS ENUM</c>; SQLite has no
/// types, so the column becomes TEXT with a CHECK listing the values and the type statements do nothing.
/// </summary>
public static class EnumExtensions
{
    public static CreateEnumBuilder Enum(this ICreateExpressionRoot create, string typeName)
    {
        var expression = new CreateEnumExpression { TypeName = typeName };
        Context(create).Expressions.Add(expression);
        return new CreateEnumBuilder(expression);
    }

    public static DeleteEnumBuilder Enum(this IDeleteExpressionRoot delete, string typeName)
    {
        var expression = new DeleteEnumExpression { TypeName = typeName };
        Context(delete).Expressions.Add(expression);
        return new DeleteEnumBuilder(expression);
    }

    /// <summary>The column has enum type <paramref name="typeName"/>, whose values are <paramref name="values"/>.</summary>
    public static TNext AsEnum<TNext>(this IColumnTypeSyntax<TNext> syntax, string typeName, params string[] values)
        where TNext : IFluentSyntax
    {
        if (values.Length == 0)
        {
            throw new ArgumentException($"AsEnum(\"{typeName}\") needs the enum's values (SQLite checks them)", nameof(values));
        }

        var column = ColumnCheckExtensions.CurrentColumn(syntax, nameof(AsEnum));
        var schema = (syntax as IColumnExpressionBuilder)?.SchemaName;
        var next = syntax.AsCustom(string.IsNullOrEmpty(schema) ? Sql.Quote(typeName) : $"{Sql.Quote(schema)}.{Sql.Quote(typeName)}");
        column.AdditionalFeatures[MigrationFeatures.EnumColumn] = new EnumColumn(schema, typeName, values);
        return next;
    }

    internal static FluentMigrator.Infrastructure.IMigrationContext Context(object root) =>
        root is IMigrationContextAccessor accessor
            ? accessor.GetMigrationContext()
            : throw new InvalidOperationException($"{root.GetType().Name} does not expose its migration context");
}

/// <summary><c>Create.Enum(name)</c>: <c>.InSchema(s)</c>, <c>.WithValues(...)</c>.</summary>
public sealed class CreateEnumBuilder(CreateEnumExpression expression)
{
    public CreateEnumBuilder InSchema(string schemaName)
    {
        expression.SchemaName = schemaName;
        return this;
    }

    public CreateEnumBuilder WithValues(params string[] values)
    {
        expression.Values = values;
        return this;
    }
}

/// <summary><c>Delete.Enum(name)</c>: <c>.InSchema(s)</c>.</summary>
public sealed class DeleteEnumBuilder(DeleteEnumExpression expression)
{
    public DeleteEnumBuilder InSchema(string schemaName)
    {
        expression.SchemaName = schemaName;
        return this;
    }
}
