using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Filetrack.Migrations;

// Core tables, "Billing & Subscriptions": offers, subscriptions, feature_flags.
public sealed partial class MasterConsolidatedSchema
{
    private void CreateBillingAndSubscriptions()
    {
        // Created before subscriptions, which reference the offer they were bought under.
        Create.Table("offers").WithIdColumn("offers")
            .WithColumn("code").AsString(64).Unique("offers_code_key")
            .WithColumn("name").AsString(255)
            .WithColumn("description").AsString().Nullable()
            .WithColumn("priceCents").AsInt32().Check("\"priceCents\" >= 0")
            .WithColumn("currency").AsString(3).WithDefaultValue("USD")
            .WithColumn("billingInterval").AsString(10).Check("\"billingInterval\" IN ('month', 'year', 'once')")
            .WithColumn("isActive").AsBoolean().WithDefaultValue(true)
            .WithColumn("validFrom").AsDateTimeOffset().WithDefault(SystemMethods.CurrentDateTimeOffset)
            .WithColumn("validUntil").AsDateTimeOffset().Nullable()
            .WithTimestamps();

        Create.Table("subscriptions").WithIdColumn("subscriptions")
            .WithReference("subscriptions", "userId", "users", Rule.Cascade).Indexed("subscriptions_userId_idx")
            .WithOptionalReference("subscriptions", "offerId", "offers", Rule.SetNull)
            .WithColumn("plan").AsString(32)
            .WithColumn("status").AsString(20).WithDefaultValue("trialing")
                .Check("\"status\" IN ('trialing', 'active', 'past_due', 'canceled', 'incomplete')")
            .WithColumn("stripeCustomerId").AsString(255).Nullable()
            .WithColumn("stripeSubscriptionId").AsString(255).Nullable().Unique("subscriptions_stripeSubscriptionId_key")
            .WithColumn("currentPeriodStart").AsDateTimeOffset().Nullable()
            .WithColumn("currentPeriodEnd").AsDateTimeOffset().Nullable()
            .WithColumn("cancelAtPeriodEnd").AsBoolean().WithDefaultValue(false)
            .WithTimestamps();

        Create.Table("feature_flags").WithIdColumn("feature_flags")
            .WithColumn("key").AsString(100).Unique("feature_flags_key_key")
            .WithColumn("description").AsString().Nullable()
            .WithColumn("enabled").AsBoolean().WithDefaultValue(false)
            .WithColumn("rolloutPercentage").AsInt32().WithDefaultValue(0).Check("\"rolloutPercentage\" BETWEEN 0 AND 100")
            .WithTimestamps();
    }
}
