namespace Migrations.Engine.Schema.Diagram;

/// <summary>A column as a diagram shows it: its type as the database declares it, nullability and key markers.</summary>
public sealed record ErColumn(string Name, string Type, bool Nullable, bool PrimaryKey, bool ForeignKey, bool Unique);

/// <summary>A table with every column, primary-key columns first (in key order), the rest as declared.</summary>
public sealed record ErTable(string Name, IReadOnlyList<ErColumn> Columns);

/// <summary>A foreign key of <see cref="Table"/> referencing <see cref="Referenced"/>.</summary>
public sealed record ErRelationship(string Table, IReadOnlyList<string> Columns, string Referenced, string OnDelete, bool Optional, bool OneToOne);

/// <summary>The tables and foreign keys of a schema, sorted by name, ready to be drawn.</summary>
public sealed record ErModel(IReadOnlyList<ErTable> Tables, IReadOnlyList<ErRelationship> Relationships);
