using System.Globalization;
using FluentMigrator;
using FluentMigrator.Runner.Generators.Postgres;
using FluentMigrator.Runner.Processors.Postgres;

namespace Migrations.Engine.Postgres;

/// <summary>
/// FluentMigrator's PostgreSQL quoter with the literals our databases were built with: the
/// built-in <c>gen_random_uuid()</c> (FluentMigrator writes <c>uuid_generate_v4()</c>, which needs
/// the uuid-ossp extension), timestamps that keep their fractional seconds (FluentMigrator cuts
/// them off), and dates, times and chars written as quoted literals. Identifiers are FluentMigrator's,
/// except that a sequence without a schema is public's, as a table is (FluentMigrator leaves it
/// unqualified, so PostgreSQL would create it in search_path's first schema).
/// </summary>
public sealed class PostgresLiteralQuoter(PostgresOptions options) : PostgresQuoter(options)
{
    public override string QuoteValue(object value) => value switch
    {
        DateOnly date => FormatNationalString(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly time => FormatNationalString(time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
        _ => base.QuoteValue(value),
    };

    public override string FormatSystemMethods(SystemMethods value) => value switch
    {
        // Built in since PostgreSQL 13: a column default must not depend on an extension being installed.
        SystemMethods.NewGuid or SystemMethods.NewSequentialId => "gen_random_uuid()",
        _ => base.FormatSystemMethods(value),
    };

    public override string FormatDateTime(DateTime value) =>
        FormatNationalString(value.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'));

    public override string FormatDateTimeOffset(DateTimeOffset value) =>
        FormatNationalString(value.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));

    public override string QuoteSequenceName(string sequenceName, string schemaName) =>
        base.QuoteSequenceName(sequenceName, string.IsNullOrEmpty(schemaName) ? "public" : schemaName);

    public override string FormatChar(char value) => FormatNationalString(value.ToString());
}
