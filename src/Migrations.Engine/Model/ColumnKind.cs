namespace Migrations.Engine.Model;

/// <summary>The portable column types of the authoring API; each dialect maps them to its own.</summary>
public enum ColumnKind
{
    AnsiString,
    String,
    FixedLengthString,
    FixedLengthAnsiString,
    Binary,
    Boolean,
    Byte,
    Int16,
    Int32,
    Int64,
    Decimal,
    Double,
    Float,
    Currency,
    Guid,
    Date,
    Time,
    DateTime,
    DateTime2,
    DateTimeOffset,
    Xml,
    Enum,
    Custom,
}
