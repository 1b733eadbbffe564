using FluentMigrator;

namespace Migrations.Engine.Tests.Behaviour.TestMigrations.ServerWide;

/// <summary>A migration that creates what belongs to the whole server, not to its database: a role.</summary>
[Migration(1, "a role for the application")]
public sealed class CreateApplicationRole : Migration
{
    public const string Role = "script_probe_role";

    public override void Up() => Execute.Sql($"CREATE ROLE {Role} NOLOGIN");

    public override void Down() => Execute.Sql($"DROP ROLE {Role}");
}
