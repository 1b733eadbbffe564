using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Builders;

// The roots a migration reaches through Create, Alter, Delete, Rename, Insert, Update and Schema.
// Each call adds its builder to the context immediately, as FluentMigrator does, so call order is
// execution order.

public sealed class CreateExpressionRoot(IMigrationContext context)
{
    public CreateTableBuilder Table(string tableName) => Add(new CreateTableBuilder(tableName));

    public CreateColumnBuilder Column(string columnName) => Add(new CreateColumnBuilder(columnName));

    public CreateIndexBuilder Index() => Add(new CreateIndexBuilder(null));

    public CreateIndexBuilder Index(string indexName) => Add(new CreateIndexBuilder(indexName));

    public ForeignKeyBuilder ForeignKey() => Add(new ForeignKeyBuilder(null, delete: false));

    public ForeignKeyBuilder ForeignKey(string foreignKeyName) => Add(new ForeignKeyBuilder(foreignKeyName, delete: false));

    public ConstraintBuilder PrimaryKey() => Add(new ConstraintBuilder(ConstraintKind.PrimaryKey, null, delete: false));

    public ConstraintBuilder PrimaryKey(string primaryKeyName) => Add(new ConstraintBuilder(ConstraintKind.PrimaryKey, primaryKeyName, delete: false));

    public ConstraintBuilder UniqueConstraint() => Add(new ConstraintBuilder(ConstraintKind.Unique, null, delete: false));

    public ConstraintBuilder UniqueConstraint(string constraintName) => Add(new ConstraintBuilder(ConstraintKind.Unique, constraintName, delete: false));

    /// <summary>A CHECK constraint on an existing table (an extension; FluentMigrator has none).</summary>
    public ConstraintBuilder CheckConstraint(string constraintName) => Add(new ConstraintBuilder(ConstraintKind.Check, constraintName, delete: false));

    public void Schema(string schemaName) => context.Add(new CreateSchemaExpression(schemaName));

    public CreateSequenceBuilder Sequence(string sequenceName) => Add(new CreateSequenceBuilder(sequenceName));

    public CreateEnumBuilder Enum(string enumName) => Add(new CreateEnumBuilder(enumName));

    private T Add<T>(T builder)
        where T : IExpressionBuilder
    {
        context.Add(builder);
        return builder;
    }
}

public sealed class AlterExpressionRoot(IMigrationContext context)
{
    public AlterTableBuilder Table(string tableName)
    {
        var builder = new AlterTableBuilder(tableName);
        context.Add(builder);
        return builder;
    }

    public AlterColumnBuilder Column(string columnName)
    {
        var builder = new AlterColumnBuilder(columnName);
        context.Add(builder);
        return builder;
    }
}

public sealed class DeleteExpressionRoot(IMigrationContext context)
{
    public SchemaScopedBuilder Table(string tableName) =>
        Add(new SchemaScopedBuilder(b => new DeleteTableExpression(b.Schema, tableName) { IfExists = b.IfExistsRequested }));

    public DeleteColumnBuilder Column(string columnName) => Add(new DeleteColumnBuilder(columnName));

    public SchemaScopedBuilder Index(string indexName) =>
        Add(new SchemaScopedBuilder(b => new DeleteIndexExpression(b.Schema, b.Table, indexName)));

    public ForeignKeyBuilder ForeignKey() => Add(new ForeignKeyBuilder(null, delete: true));

    public ForeignKeyBuilder ForeignKey(string foreignKeyName) => Add(new ForeignKeyBuilder(foreignKeyName, delete: true));

    public ConstraintBuilder PrimaryKey(string primaryKeyName) => Add(new ConstraintBuilder(ConstraintKind.PrimaryKey, primaryKeyName, delete: true));

    public ConstraintBuilder UniqueConstraint() => Add(new ConstraintBuilder(ConstraintKind.Unique, null, delete: true));

    public ConstraintBuilder UniqueConstraint(string constraintName) => Add(new ConstraintBuilder(ConstraintKind.Unique, constraintName, delete: true));

    public ConstraintBuilder CheckConstraint(string constraintName) => Add(new ConstraintBuilder(ConstraintKind.Check, constraintName, delete: true));

    public SchemaScopedBuilder DefaultConstraint() =>
        Add(new SchemaScopedBuilder(b => new DeleteDefaultConstraintExpression(b.Schema, b.Table ?? "", b.Column ?? "")));

    public void Schema(string schemaName) => context.Add(new DeleteSchemaExpression(schemaName));

    public SchemaScopedBuilder Sequence(string sequenceName) =>
        Add(new SchemaScopedBuilder(b => new DeleteSequenceExpression(b.Schema, sequenceName)));

    public SchemaScopedBuilder Enum(string enumName) =>
        Add(new SchemaScopedBuilder(b => new DeleteEnumExpression(b.Schema, enumName)));

    public DeleteDataBuilder FromTable(string tableName) => Add(new DeleteDataBuilder(tableName));

    private T Add<T>(T builder)
        where T : IExpressionBuilder
    {
        context.Add(builder);
        return builder;
    }
}

public sealed class RenameExpressionRoot(IMigrationContext context)
{
    public RenameBuilder Table(string oldName) => Add(new RenameBuilder(oldName, isColumn: false));

    public RenameBuilder Column(string oldName) => Add(new RenameBuilder(oldName, isColumn: true));

    private RenameBuilder Add(RenameBuilder builder)
    {
        context.Add(builder);
        return builder;
    }
}

public sealed class InsertExpressionRoot(IMigrationContext context)
{
    public InsertDataBuilder IntoTable(string tableName)
    {
        var builder = new InsertDataBuilder(tableName);
        context.Add(builder);
        return builder;
    }
}

public sealed class UpdateExpressionRoot(IMigrationContext context)
{
    public UpdateDataBuilder Table(string tableName)
    {
        var builder = new UpdateDataBuilder(tableName);
        context.Add(builder);
        return builder;
    }
}

public sealed class SchemaExpressionRoot(IMigrationContext context)
{
    public TableQuery Table(string tableName) => new(context.QuerySchema, null, tableName);

    public SchemaQuery Schema(string schemaName) => new(context.QuerySchema, schemaName);

    public SequenceQuery Sequence(string sequenceName) => new(context.QuerySchema, null, sequenceName);
}
