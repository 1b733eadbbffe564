using System.Data.Common;

namespace Migrations.Engine.Schema;

/// <summary>
/// Reads the schema a database holds, leaving out every migration journal (ours, and those of the
/// tools a database may be adopted from) and the objects its platform owns.
/// </summary>
public interface ISchemaReader
{
    Task<DatabaseSchema> ReadAsync(DbConnection connection, CancellationToken cancellationToken);
}
