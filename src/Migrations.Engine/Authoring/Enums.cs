namespace Migrations.Engine;

/// <summary>Default: the migration and its journal row commit together. None: autocommit, for statements a transaction refuses.</summary>
public enum TransactionBehavior
{
    Default = 0,
    None = 1,
}

/// <summary>How a migration's tags are matched against the run's tags.</summary>
public enum TagBehavior
{
    /// <summary>Every tag of the run must be among the migration's tags.</summary>
    RequireAll,

    /// <summary>At least one tag of the run must be among the migration's tags.</summary>
    RequireAny,
}

/// <summary>When a maintenance migration runs.</summary>
public enum MigrationStage
{
    BeforeAll,
    BeforeEach,
    AfterEach,
    BeforeProfiles,
    AfterAll,
}

/// <summary>Database functions usable as column defaults, rendered by each dialect.</summary>
public enum SystemMethods
{
    NewGuid,
    NewSequentialId,
    CurrentDateTime,
    CurrentDateTimeOffset,
    CurrentUTCDateTime,
    CurrentUser,
}

/// <summary>
/// Referential actions. FluentMigrator uses <see cref="System.Data.Rule"/>, which has no RESTRICT;
/// both are accepted (Rule.None means NO ACTION).
/// </summary>
public enum ForeignKeyRule
{
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}
