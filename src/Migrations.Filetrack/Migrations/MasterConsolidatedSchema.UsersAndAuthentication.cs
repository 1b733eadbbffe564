using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Filetrack.Migrations;

// Core tables, "Users & Authentication": users, sessions, mfa_enforced_sessions.
public sealed partial class MasterConsolidatedSchema
{
    private void CreateUsersAndAuthentication()
    {
        // users.id is the account's auth.uid() (Supabase auth.users.id); no FK to auth.users,
        // which a plain server does not have.
        Create.Table("users").WithIdColumn("users")
            .WithColumn("email").AsString(255).Unique("users_email_key")
            .WithColumn("name").AsString(255).Nullable()
            .WithColumn("avatarUrl").AsString().Nullable()
            .WithColumn("role").AsEnum("user_role", UserRoles).WithDefaultValue("user")
            .WithColumn("mfaEnabled").AsBoolean().WithDefaultValue(false)
            .WithTimestamps();

        Create.Table("sessions").WithIdColumn("sessions")
            .WithReference("sessions", "userId", "users", Rule.Cascade).Indexed("sessions_userId_idx")
            .WithColumn("token").AsString(255).Unique("sessions_token_key")
            .WithColumn("expiresAt").AsDateTimeOffset()
            .WithColumn("ipAddress").AsString(45).Nullable()
            .WithColumn("userAgent").AsString().Nullable()
            .WithCreatedAt();

        // A session that passed a second factor; it ends with its session or its user.
        Create.Table("mfa_enforced_sessions").WithIdColumn("mfa_enforced_sessions")
            .WithReference("mfa_enforced_sessions", "sessionId", "sessions", Rule.Cascade).Unique("mfa_enforced_sessions_sessionId_key")
            .WithReference("mfa_enforced_sessions", "userId", "users", Rule.Cascade).Indexed("mfa_enforced_sessions_userId_idx")
            .WithColumn("method").AsString(20).Check("\"method\" IN ('totp', 'sms', 'webauthn', 'email')")
            .WithColumn("verifiedAt").AsDateTimeOffset().WithDefault(SystemMethods.CurrentDateTimeOffset)
            .WithColumn("expiresAt").AsDateTimeOffset()
            .WithCreatedAt();
    }
}
