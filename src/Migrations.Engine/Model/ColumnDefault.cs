namespace Migrations.Engine.Model;

/// <summary>
/// A column default: a literal, a <see cref="SystemMethods"/> member, or <see cref="RawSql"/>.
/// A null <see cref="Value"/> means DEFAULT NULL; no default at all is a null ColumnDefault.
/// </summary>
public sealed record ColumnDefault(object? Value);
