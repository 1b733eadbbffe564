using System.Reflection;
using FluentMigrator;

namespace Migrations.Engine.Running;

/// <summary>
/// A processor that answers only what building a migration asks without a database: its
/// database type (so <c>IfDatabase</c> branches resolve as on the real provider) and "no" to
/// every existence query. Used to build a migration for its checksum, so the checksum depends
/// on the code alone, never on the state of a database.
/// </summary>
public class NeutralQuerySchema : DispatchProxy
{
    private IReadOnlyList<string> _processorIds = [];

    public static IMigrationProcessor For(IReadOnlyList<string> processorIds)
    {
        var proxy = Create<IMigrationProcessor, NeutralQuerySchema>();
        ((NeutralQuerySchema)(object)proxy)._processorIds = processorIds;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        "get_DatabaseType" => _processorIds[0],
        "get_DatabaseTypeAliases" => _processorIds.Skip(1).ToList(),
        "SchemaExists" or "TableExists" or "ColumnExists" or "ConstraintExists" or "IndexExists" or "SequenceExists" or "DefaultValueExists" or "Exists" => false,
        "Dispose" => null,
        _ => throw new InvalidOperationException($"a migration asked the database for {targetMethod?.Name} while being built; only existence queries are answered then"),
    };
}
