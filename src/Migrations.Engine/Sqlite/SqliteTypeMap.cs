using System.Data;
using FluentMigrator.Runner.Generators.Base;
using FluentMigrator.Runner.Generators.SQLite;

namespace Migrations.Engine.Sqlite;

/// <summary>
/// A SQLite type for every <c>As*</c> type, where FluentMigrator's map has none for
/// DateTimeOffset and Xml and ignores sizes: names chosen so SQLite's type affinity keeps each
/// value as PostgreSQL would (dates as ISO-8601 TEXT, decimals as NUMERIC, GUIDs as TEXT).
/// </summary>
public sealed class SqliteTypeMap : TypeMapBase, ISQLiteTypeMap
{
    public SqliteTypeMap()
    {
        SetupTypeMaps();
    }

    protected override void SetupTypeMaps()
    {
        foreach (var integer in new[] { DbType.Byte, DbType.SByte, DbType.Int16, DbType.Int32, DbType.Int64, DbType.UInt16, DbType.UInt32, DbType.UInt64, DbType.Boolean })
        {
            SetTypeMap(integer, "INTEGER");
        }

        foreach (var text in new[] { DbType.AnsiString, DbType.String, DbType.AnsiStringFixedLength, DbType.StringFixedLength, DbType.Xml, DbType.Guid })
        {
            SetTypeMap(text, "TEXT");
        }

        foreach (var time in new[] { DbType.Date, DbType.Time, DbType.DateTime, DbType.DateTime2, DbType.DateTimeOffset })
        {
            SetTypeMap(time, "TEXT");
        }

        SetTypeMap(DbType.Binary, "BLOB");
        SetTypeMap(DbType.Double, "REAL");
        SetTypeMap(DbType.Single, "REAL");
        SetTypeMap(DbType.Currency, "NUMERIC");
        SetTypeMap(DbType.Decimal, "NUMERIC");
        SetTypeMap(DbType.VarNumeric, "NUMERIC");
        SetTypeMap(DbType.Object, "BLOB");
    }

    public override string GetTypeMap(DbType type, int? size, int? precision) => base.GetTypeMap(type, size: null, precision: null);
}
