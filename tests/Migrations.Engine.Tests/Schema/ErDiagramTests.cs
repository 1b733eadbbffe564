using Migrations.Engine.Schema;
using Migrations.Engine.Schema.Diagram;

namespace Migrations.Engine.Tests.Schema;

/// <summary>
/// The diagram drawn from a schema reader's objects: every column with its markers, foreign keys
/// as relationships with their cardinality, areas bounded in size, and the same text every time.
/// </summary>
public sealed class ErDiagramTests
{
    // As SqliteSchemaReader returns them.
    private static DatabaseSchema Sqlite() => new(
    [
        new("table", "Lead", ""),
        new("column", "Lead.id", "text not null primary key 1"),
        new("column", "Lead.email", "text null"),
        new("column", "Lead.price", "numeric(10,2) null"),
        new("table", "Job", ""),
        new("column", "Job.id", "text not null primary key 1"),
        new("column", "Job.leadId", "text null"),
        new("column", "Job.crewId", "text not null"),
        new("foreign key", "Job.(leadId)", "references Lead(id) on update no action on delete set null"),
        new("foreign key", "Job.(crewId)", "references Crew(id) on update no action on delete cascade"),
        new("table", "Crew", ""),
        new("column", "Crew.id", "text not null primary key 1"),
        new("index", "Lead_email_key", "create unique index lead_email_key on lead(email)"),
    ]);

    // As PostgresSchemaReader returns them: schema-qualified, keys as constraints.
    private static DatabaseSchema Postgres() => new(
    [
        new("table", "public.users", ""),
        new("column", "public.users.id", "uuid not null default gen_random_uuid()"),
        new("column", "public.users.joined", "timestamp(3) with time zone null"),
        new("primary key", "public.users.users_pkey", "PRIMARY KEY (id)"),
        new("table", "public.profile", ""),
        new("column", "public.profile.userId", "uuid not null"),
        new("primary key", "public.profile.profile_pkey", "PRIMARY KEY (\"userId\")"),
        new("foreign key", "public.profile.profile_userId_fkey", "FOREIGN KEY (\"userId\") REFERENCES users(id) ON DELETE CASCADE"),
        new("table", "auth.accounts", ""),
        new("column", "auth.accounts.id", "uuid not null"),
        new("column", "auth.accounts.owner", "uuid null"),
        new("foreign key", "auth.accounts.accounts_owner_fkey", "FOREIGN KEY (owner) REFERENCES users(id)"),
    ]);

    [Test]
    public void A_sqlite_schema_shows_every_column_with_its_type_nullability_and_keys()
    {
        var text = MermaidErWriter.Write(ErModelReader.Read(Sqlite()));

        Assert.That(text, Does.Contain("    Lead {\n        text id PK\n        text email UK \"nullable\"\n        numeric(10_2) price \"nullable\"\n    }\n"));
        Assert.That(text, Does.Contain("    Job {\n        text id PK\n        text leadId FK \"nullable\"\n        text crewId FK\n    }\n"));
        Assert.That(text, Does.Contain("    Lead |o--o{ Job : \"leadId (set null)\"\n"), "a nullable key: zero or one lead");
        Assert.That(text, Does.Contain("    Crew ||--o{ Job : \"crewId (cascade)\"\n"), "a required key: exactly one crew");
    }

    [Test]
    public void A_postgres_schema_drops_public_quotes_other_schemas_and_draws_a_one_to_one_key()
    {
        var model = ErModelReader.Read(Postgres());
        var text = MermaidErWriter.Write(model);

        Assert.That(model.Tables.Select(t => t.Name), Is.EqualTo(new[] { "auth.accounts", "profile", "users" }));
        Assert.That(text, Does.Contain("        uuid id PK\n        timestamptz(3) joined \"nullable\"\n"));
        Assert.That(text, Does.Contain("    users ||--o| profile : \"userId (cascade)\"\n"), "the key is the whole primary key: one profile at most");
        Assert.That(text, Does.Contain("    users |o--o{ \"auth.accounts\" : \"owner\"\n"));
        Assert.That(text, Does.Contain("        uuid userId PK, FK\n"));
    }

    [Test]
    public void A_large_area_is_split_within_the_bound_and_its_keys_across_pictures_are_listed()
    {
        // A star: twenty tables that each reference hub.
        var objects = new List<SchemaObject> { new("table", "hub", ""), new("column", "hub.id", "integer not null primary key 1") };
        for (var i = 0; i < 20; i++)
        {
            var name = $"t{i:00}";
            objects.Add(new("table", name, ""));
            objects.Add(new("column", $"{name}.hub_id", "integer not null"));
            objects.Add(new("foreign key", $"{name}.(hub_id)", "references hub(id) on update no action on delete no action"));
        }

        var model = ErModelReader.Read(new DatabaseSchema(objects));
        var areas = ErAreas.Split(model, maxTables: 6);

        Assert.That(areas.Select(a => a.Tables.Count), Is.All.LessThanOrEqualTo(6));
        Assert.That(areas.SelectMany(a => a.Tables).Order(StringComparer.Ordinal), Is.EqualTo(model.Tables.Select(t => t.Name)), "every table in exactly one picture");
        Assert.That(areas[0].Hub, Is.EqualTo("hub"));
        var text = MermaidErWriter.Write(model, maxTables: 6);
        Assert.That(text, Does.Contain("- `t19`.`hub_id` references `hub` (picture 1)"));
        Assert.That(text, Does.Contain("- `hub` is referenced by `t19`.`hub_id` (picture "));
        Assert.That(text.Split("```mermaid").Length - 1, Is.EqualTo(areas.Count));
    }

    [Test]
    public void The_text_does_not_depend_on_the_order_the_reader_returned_the_objects_in()
    {
        var shuffled = new DatabaseSchema(Sqlite().Objects.Where(o => o.Kind != "column").Reverse().Concat(Sqlite().Objects.Where(o => o.Kind == "column")));

        Assert.That(MermaidErWriter.Write(ErModelReader.Read(shuffled)), Is.EqualTo(MermaidErWriter.Write(ErModelReader.Read(Sqlite()))));
    }

    [Test]
    public void A_chain_is_laid_out_top_to_bottom_and_a_star_left_to_right()
    {
        ErRelationship Key(string table, string referenced) => new(table, ["x"], referenced, "no action", false, false);

        Assert.That(ErDirection.For(["a", "b", "c", "d"], [Key("b", "a"), Key("c", "b"), Key("d", "c")]), Is.EqualTo("TB"));
        Assert.That(ErDirection.For(["a", "b", "c", "d"], [Key("b", "a"), Key("c", "a"), Key("d", "a")]), Is.EqualTo("LR"));
    }
}
