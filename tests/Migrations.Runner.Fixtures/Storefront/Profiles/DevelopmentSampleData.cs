using FluentMigrator;

namespace Storefront.Data.Profiles;

// Runs after every migrate with the Development profile, so it must be safe to repeat.
[Profile("Development")]
public sealed class DevelopmentSampleData : Migration
{
    public override void Up() =>
        Execute.Sql("""
            INSERT INTO customers (email, display_name)
            SELECT 'dev@storefront.test', 'Dev Customer'
            WHERE NOT EXISTS (SELECT 1 FROM customers WHERE email = 'dev@storefront.test')
            """);

    public override void Down()
    {
    }
}
