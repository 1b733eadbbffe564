using FluentMigrator;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Authoring;

namespace Migrations.Workspace;

/// <summary>
/// The Development profile: a small demo of the app that a developer can click through. Two
/// workspaces (Acme Studio, Northwind Book Club) with six users, rooms, work items, lists, an
/// event, friendships, admin accounts, AI usage, and a stranger-matching thread with its invites,
/// messages and (where 0027 ran) the captured invite emails. Every id starts with "dev-" and
/// every timestamp is fixed, and each row is inserted with ON CONFLICT DO NOTHING, so running the
/// profile again changes nothing. Each part checks its tables first and logs what it skips.
/// </summary>
[Profile("Development")]
public sealed class DevelopmentSeed(ILogger<DevelopmentSeed> logger) : SeedProfile(logger)
{
    /// <summary>The users, by short name: id dev-user-{name}, email {name}@dev.example.com.</summary>
    internal static readonly (string Name, string DisplayName, string Timezone)[] Users =
    [
        ("alice", "Alice Martin", "Europe/Paris"),
        ("bob", "Bob Okafor", "Africa/Lagos"),
        ("carol", "Carol Nguyen", "Asia/Ho_Chi_Minh"),
        ("dan", "Dan Kowalski", "Europe/Warsaw"),
        ("erin", "Erin Walsh", "Europe/Dublin"),
        ("frank", "Frank Silva", "America/Sao_Paulo"),
    ];

    internal const string Acme = "dev-ws-acme";
    internal const string North = "dev-ws-north";

    public override void Up()
    {
        if (!Requires("the whole Development seed", "users", "workspaces"))
        {
            return;
        }

        CoreAndRooms();
        WorkItemsAndInbox();
        Relationships();
        ListsAndEvents();
        Admin();
        AiUsage();
        Threads();
    }

    private static string U(string name) => $"dev-user-{name}";

    private void CoreAndRooms()
    {
        var users = Insert.IntoTable("users").OnConflictDoNothing();
        for (var i = 0; i < Users.Length; i++)
        {
            var (name, display, timezone) = Users[i];
            users.Row(new
            {
                id = U(name), email = $"{name}@dev.example.com", display_name = display, avatar_url = (string?)null,
                bio = $"Demo user {display}", timezone, status = "active", created_at = At(1, 8, i), updated_at = At(1, 8, i),
            });
        }

        Insert.IntoTable("workspaces").OnConflictDoNothing()
            .Row(new { id = Acme, owner_id = U("alice"), name = "Acme Studio", description = "A small design studio", created_at = At(1, 10), updated_at = At(1, 10) })
            .Row(new { id = North, owner_id = U("dan"), name = "Northwind Book Club", description = "Monthly reading group", created_at = At(1, 11), updated_at = At(1, 11) });

        if (Requires("workspace members and rooms", "workspace_members", "rooms", "room_members"))
        {
            var members = Insert.IntoTable("workspace_members").OnConflictDoNothing();
            foreach (var (ws, user, role) in new[]
            {
                (Acme, "alice", "owner"), (Acme, "bob", "admin"), (Acme, "carol", "member"), (Acme, "erin", "member"),
                (North, "dan", "owner"), (North, "erin", "member"), (North, "frank", "member"),
            })
            {
                members.Row(new { id = $"dev-wm-{ws[7..]}-{user}", workspace_id = ws, user_id = U(user), role, joined_at = At(1, 12) });
            }

            Insert.IntoTable("rooms").OnConflictDoNothing()
                .Row(new { id = "dev-room-acme-general", workspace_id = Acme, name = "general", description = "Everything Acme", is_private = false, created_by = U("alice"), created_at = At(2), updated_at = At(2) })
                .Row(new { id = "dev-room-acme-design", workspace_id = Acme, name = "design-crit", description = "Private design reviews", is_private = true, created_by = U("bob"), created_at = At(2), updated_at = At(2) })
                .Row(new { id = "dev-room-north-picks", workspace_id = North, name = "next-pick", description = "What we read next", is_private = false, created_by = U("dan"), created_at = At(2), updated_at = At(2) });

            var roomMembers = Insert.IntoTable("room_members").OnConflictDoNothing();
            foreach (var (room, user, role) in new[]
            {
                ("acme-general", "alice", "owner"), ("acme-general", "bob", "member"), ("acme-general", "carol", "member"),
                ("acme-design", "bob", "owner"), ("acme-design", "alice", "member"),
                ("north-picks", "dan", "owner"), ("north-picks", "erin", "member"), ("north-picks", "frank", "member"),
            })
            {
                roomMembers.Row(new { id = $"dev-rm-{room}-{user}", room_id = $"dev-room-{room}", user_id = U(user), role, joined_at = At(2, 10) });
            }
        }
    }

    private void WorkItemsAndInbox()
    {
        if (Requires("work items", "work_items", "rooms"))
        {
            // 0024 renamed visibility to visibility_scope and added quest/squad; an older schema gets the 0001 values.
            var scoped = HasColumn("work_items", "visibility_scope");
            var items = Insert.IntoTable("work_items").OnConflictDoNothing();
            foreach (var (id, user, ws, room, type, title, status, scope, day) in new (string, string, string?, string?, string, string, string, string, int)[]
            {
                ("dev-wi-1", "alice", Acme, "dev-room-acme-general", "task", "Draft the spring campaign brief", "in_progress", "room", 3),
                ("dev-wi-2", "bob", Acme, "dev-room-acme-design", "scheduled", "Design review with the client", "todo", "room", 4),
                ("dev-wi-3", "carol", Acme, null, "task", "Export the logo in SVG", "done", "private", 3),
                ("dev-wi-4", "dan", North, "dev-room-north-picks", "scheduled", "Book club meetup", "todo", "squad", 5),
                ("dev-wi-5", "erin", North, null, "task", "Finish chapter 7", "todo", "quest", 5),
                ("dev-wi-6", "frank", null, null, "task", "Renew library card", "cancelled", "private", 6),
            })
            {
                var legacy = scope is "quest" or "squad" ? "private" : scope;
                items.Row(new Dictionary<string, object?>
                {
                    ["id"] = id, ["user_id"] = U(user), ["workspace_id"] = ws, ["room_id"] = room, ["type"] = type, ["title"] = title,
                    ["status"] = status, [scoped ? "visibility_scope" : "visibility"] = scoped ? scope : legacy,
                    ["scheduled_at"] = type == "scheduled" ? At(day + 7, 15) : null,
                    ["completed_at"] = status == "done" ? At(day, 17) : null,
                    ["created_at"] = At(day), ["updated_at"] = At(day),
                });
            }
        }

        if (Requires("inbox items", "inbox_items"))
        {
            Insert.IntoTable("inbox_items").OnConflictDoNothing()
                .Row(new { id = "dev-inbox-1", user_id = U("bob"), kind = "work_item_assigned", title = "Alice mentioned you", body = "Can you review the brief?", link = "/work/dev-wi-1", is_read = false, read_at = (DateTime?)null, created_at = At(3, 11) })
                .Row(new { id = "dev-inbox-2", user_id = U("alice"), kind = "relationship_request", title = "Erin wants to connect", body = (string?)null, link = "/people/requests", is_read = true, read_at = (DateTime?)At(4, 8), created_at = At(3, 12) })
                .Row(new { id = "dev-inbox-3", user_id = U("alice"), kind = "thread_invite_accepted", title = "Someone accepted your thread invite", body = "Carol joined Pottery weekend", link = "/threads/dev-thread-pottery", is_read = false, read_at = (DateTime?)null, created_at = At(7, 9) });
        }
    }

    private void Relationships()
    {
        if (Requires("relationships", "relationships"))
        {
            Insert.IntoTable("relationships").OnConflictDoNothing()
                .Row(new { id = "dev-rel-alice-bob", user_id = U("alice"), related_user_id = U("bob"), relationship_type = "friend", created_at = At(2) })
                .Row(new { id = "dev-rel-bob-alice", user_id = U("bob"), related_user_id = U("alice"), relationship_type = "friend", created_at = At(2) })
                .Row(new { id = "dev-rel-carol-frank", user_id = U("carol"), related_user_id = U("frank"), relationship_type = "blocked", created_at = At(3) });
        }

        if (Requires("relationship requests", "relationship_requests"))
        {
            Insert.IntoTable("relationship_requests").OnConflictDoNothing()
                .Row(new { id = "dev-rr-erin-alice", requester_id = U("erin"), recipient_id = U("alice"), status = "pending", message = "We met at the book club!", created_at = At(3, 12), responded_at = (DateTime?)null })
                .Row(new { id = "dev-rr-dan-frank", requester_id = U("dan"), recipient_id = U("frank"), status = "accepted", message = (string?)null, created_at = At(2, 9), responded_at = (DateTime?)At(2, 18) });
        }
    }

    private void ListsAndEvents()
    {
        if (Requires("lists", "lists", "list_items", "list_members"))
        {
            Insert.IntoTable("lists").OnConflictDoNothing()
                .Row(new { id = "dev-list-launch", owner_id = U("alice"), workspace_id = Acme, title = "Launch checklist", description = "Before the site goes live", created_at = At(3), updated_at = At(3) })
                .Row(new { id = "dev-list-books", owner_id = U("dan"), workspace_id = North, title = "Books to read", description = (string?)null, created_at = At(3), updated_at = At(3) });

            var listItems = Insert.IntoTable("list_items").OnConflictDoNothing();
            foreach (var (id, list, content, done, position, by) in new[]
            {
                ("dev-li-1", "dev-list-launch", "Proofread copy", true, 1, "alice"),
                ("dev-li-2", "dev-list-launch", "Compress images", false, 2, "bob"),
                ("dev-li-3", "dev-list-launch", "Set up redirects", false, 3, "carol"),
                ("dev-li-4", "dev-list-books", "The Left Hand of Darkness", true, 1, "dan"),
                ("dev-li-5", "dev-list-books", "Piranesi", false, 2, "erin"),
            })
            {
                listItems.Row(new { id, list_id = list, content, is_done = done, position, created_by = U(by), created_at = At(4), updated_at = At(4) });
            }

            // 0021 added delivery_preference; before it every member got instant emails.
            var withPreference = HasColumn("list_members", "delivery_preference");
            var listMembers = Insert.IntoTable("list_members").OnConflictDoNothing();
            foreach (var (list, user, role, preference) in new[]
            {
                ("launch", "alice", "owner", "instant"), ("launch", "bob", "editor", "daily_digest"), ("launch", "carol", "viewer", "none"),
                ("books", "dan", "owner", "instant"), ("books", "erin", "editor", "daily_digest"),
            })
            {
                var row = new Dictionary<string, object?> { ["id"] = $"dev-lm-{list}-{user}", ["list_id"] = $"dev-list-{list}", ["user_id"] = U(user), ["role"] = role, ["created_at"] = At(4) };
                if (withPreference)
                {
                    row["delivery_preference"] = preference;
                }

                listMembers.Row(row);
            }
        }

        if (Requires("hosted events", "hosted_events", "event_participants"))
        {
            Insert.IntoTable("hosted_events").OnConflictDoNothing()
                .Row(new { id = "dev-event-meetup", host_user_id = U("dan"), workspace_id = North, title = "December meetup", description = "We discuss Piranesi", location = "Café Central", starts_at = At(20, 18), ends_at = (DateTime?)At(20, 20), capacity = (int?)12, status = "scheduled", created_at = At(5), updated_at = At(5) });
            Insert.IntoTable("event_participants").OnConflictDoNothing()
                .Row(new { id = "dev-ep-dan", event_id = "dev-event-meetup", user_id = U("dan"), status = "going", joined_at = At(5) })
                .Row(new { id = "dev-ep-erin", event_id = "dev-event-meetup", user_id = U("erin"), status = "going", joined_at = At(5, 12) })
                .Row(new { id = "dev-ep-frank", event_id = "dev-event-meetup", user_id = U("frank"), status = "maybe", joined_at = At(6) });
        }
    }

    private void Admin()
    {
        if (!Requires("admin accounts, audit log, imports and AI provider settings", "admin_users", "audit_logs"))
        {
            return;
        }

        // 0025 lets an admin see only assigned workspaces; before it every admin saw all.
        var scopedAccess = HasColumn("admin_users", "workspace_access");
        foreach (var (id, email, display, role, access) in new[]
        {
            ("dev-admin-root", "root@dev.example.com", "Dev Root", "super_admin", "all"),
            ("dev-admin-support", "support@dev.example.com", "Dev Support", "support", "assigned"),
        })
        {
            var row = new Dictionary<string, object?>
            {
                ["id"] = id, ["email"] = email, ["password_hash"] = "dev-only-not-a-real-hash", ["display_name"] = display, ["role"] = role,
                ["is_active"] = true, ["created_at"] = At(1), ["updated_at"] = At(1),
            };
            if (scopedAccess)
            {
                row["workspace_access"] = access;
            }

            Insert.IntoTable("admin_users").OnConflictDoNothing().Row(row);
        }

        Insert.IntoTable("audit_logs").OnConflictDoNothing()
            .Row(new { id = "dev-audit-1", admin_user_id = "dev-admin-root", action = "user.suspend", target_type = "user", target_id = U("frank"), details_json = "{\"reason\": \"demo\"}", ip_address = "127.0.0.1", user_agent = "dev-seed", created_at = At(6) })
            .Row(new { id = "dev-audit-2", admin_user_id = "dev-admin-root", action = "user.reactivate", target_type = "user", target_id = U("frank"), details_json = (string?)null, ip_address = "127.0.0.1", user_agent = "dev-seed", created_at = At(6, 10) });

        if (Requires("admin workspace access", "admin_workspace_access"))
        {
            Insert.IntoTable("admin_workspace_access").OnConflictDoNothing()
                .Row(new { id = "dev-awa-support-acme", admin_user_id = "dev-admin-support", workspace_id = Acme, access_level = "read", granted_by = "dev-admin-root", granted_at = At(6), expires_at = (DateTime?)null, revoked_at = (DateTime?)null });
        }

        if (Requires("admin imports", "admin_import_sessions", "admin_import_errors"))
        {
            Insert.IntoTable("admin_import_sessions").OnConflictDoNothing()
                .Row(new { id = "dev-import-1", admin_user_id = "dev-admin-root", import_type = "users", file_name = "users-december.csv", status = "completed", total_rows = 10, processed_rows = 10, error_rows = 1, started_at = (DateTime?)At(6, 11), completed_at = (DateTime?)At(6, 11, 1), created_at = At(6, 11) });
            Insert.IntoTable("admin_import_errors").OnConflictDoNothing()
                .Row(new { id = "dev-import-1-err-7", session_id = "dev-import-1", row_number = 7, field_name = "email", error_message = "not an email address", raw_data = "{\"email\": \"nobody-at-example\"}", created_at = At(6, 11, 1) });
        }

        if (Requires("AI provider settings", "ai_provider_settings"))
        {
            Insert.IntoTable("ai_provider_settings").OnConflictDoNothing()
                .Row(new { id = "dev-aps-gemini", provider = "gemini", is_enabled = true, default_model = "gemini-2.0-flash", fallback_provider = "openai", feature_routing_json = "{\"thread_candidates\": \"gemini\"}", updated_by = "dev-admin-root", created_at = At(1), updated_at = At(1) })
                .Row(new { id = "dev-aps-openai", provider = "openai", is_enabled = true, default_model = "gpt-4o-mini", fallback_provider = (string?)null, feature_routing_json = (string?)null, updated_by = "dev-admin-root", created_at = At(1), updated_at = At(1) });
        }

        if (Requires("AI provider keys", "ai_provider_keys"))
        {
            Insert.IntoTable("ai_provider_keys").OnConflictDoNothing()
                .Row(new { id = "dev-apk-gemini", provider = "gemini", label = "local development", encrypted_key = "dev-not-a-real-key", masked_preview = "AIza...dev1", is_active = true, created_by = "dev-admin-root", created_at = At(1), last_used_at = (DateTime?)null, revoked_at = (DateTime?)null });
        }
    }

    private void AiUsage()
    {
        if (Requires("AI usage and budgets", "ai_usage_logs", "ai_cost_budgets"))
        {
            var usage = Insert.IntoTable("ai_usage_logs").OnConflictDoNothing();
            foreach (var (id, user, ws, provider, model, feature, input, output, cost, status) in new[]
            {
                ("dev-ai-1", "alice", Acme, "gemini", "gemini-2.0-flash", "thread_candidates", 820, 310, 0.000412m, "success"),
                ("dev-ai-2", "alice", Acme, "gemini", "gemini-2.0-flash", "summarize", 1500, 220, 0.000590m, "success"),
                ("dev-ai-3", "dan", North, "openai", "gpt-4o-mini", "thread_candidates", 790, 0, 0m, "error"),
                ("dev-ai-4", "dan", North, "openai", "gpt-4o-mini", "thread_candidates", 790, 305, 0.000301m, "success"),
            })
            {
                usage.Row(new
                {
                    id, user_id = U(user), workspace_id = ws, provider, model, feature, input_tokens = input, output_tokens = output, cost_usd = cost,
                    latency_ms = (int?)(400 + input / 10), status, error_message = status == "error" ? "rate limited" : null, created_at = At(7, 9, int.Parse(id[^1..], System.Globalization.CultureInfo.InvariantCulture)),
                });
            }

            Insert.IntoTable("ai_cost_budgets").OnConflictDoNothing()
                .Row(new { id = "dev-budget-alice", user_id = (string?)U("alice"), workspace_id = (string?)null, period = "daily", limit_usd = 1.00m, alert_threshold_pct = 80, is_active = true, created_at = At(1), updated_at = At(1) })
                .Row(new { id = "dev-budget-acme", user_id = (string?)null, workspace_id = (string?)Acme, period = "monthly", limit_usd = 25.00m, alert_threshold_pct = 90, is_active = true, created_at = At(1), updated_at = At(1) });
        }

        if (Requires("daily log summaries", "daily_log_summaries"))
        {
            Insert.IntoTable("daily_log_summaries").OnConflictDoNothing()
                .Row(new { id = "dev-dls-2025-12-07-api", summary_date = "2025-12-07", source = "api", total_events = 1234, error_count = 3, warning_count = 17, unique_users = 6, ai_cost_usd = 0.001303m, details_json = "{\"p95_ms\": 180}", created_at = At(8, 0, 5) });
        }
    }

    private void Threads()
    {
        if (!Requires("threads, invites, participants and messages", "threads", "thread_invites", "thread_participants", "thread_messages", "thread_message_deliveries"))
        {
            return;
        }

        Insert.IntoTable("threads").OnConflictDoNothing()
            .Row(new { id = "dev-thread-pottery", user_id = U("alice"), workspace_id = (string?)Acme, title = "Pottery weekend", description = "Looking for someone to try a wheel-throwing class with", status = "active", created_at = At(7), updated_at = At(7) })
            .Row(new { id = "dev-thread-chess", user_id = U("dan"), workspace_id = (string?)null, title = "Chess by the river", description = (string?)null, status = "archived", created_at = At(5), updated_at = At(9) });

        foreach (var (id, email, name, reason, status, accepted) in Invites)
        {
            Insert.IntoTable("thread_invites").OnConflictDoNothing().Row(new
            {
                id, thread_id = "dev-thread-pottery", token = Token(id), email, candidate_name = name, candidate_reason = reason, status,
                expires_at = At(10), accepted_at = accepted, created_at = At(7),
            });
        }

        Insert.IntoTable("thread_participants").OnConflictDoNothing()
            .Row(new { id = "dev-tp-pottery-alice", thread_id = "dev-thread-pottery", user_id = (string?)U("alice"), email = (string?)null, role = "owner", joined_at = At(7) })
            .Row(new { id = "dev-tp-pottery-carol", thread_id = "dev-thread-pottery", user_id = (string?)U("carol"), email = (string?)"carol@dev.example.com", role = "member", joined_at = At(7, 14) })
            .Row(new { id = "dev-tp-chess-dan", thread_id = "dev-thread-chess", user_id = (string?)U("dan"), email = (string?)null, role = "owner", joined_at = At(5) });

        Insert.IntoTable("thread_messages").OnConflictDoNothing()
            .Row(new { id = "dev-msg-1", thread_id = "dev-thread-pottery", sender_user_id = (string?)null, sender_email = (string?)null, body = "Carol joined the thread", message_type = "system", status = "sent", created_at = At(7, 14), updated_at = (DateTime?)null })
            .Row(new { id = "dev-msg-2", thread_id = "dev-thread-pottery", sender_user_id = (string?)U("alice"), sender_email = (string?)null, body = "Hi Carol! Saturday morning works?", message_type = "text", status = "sent", created_at = At(7, 15), updated_at = (DateTime?)null })
            .Row(new { id = "dev-msg-3", thread_id = "dev-thread-pottery", sender_user_id = (string?)U("carol"), sender_email = (string?)null, body = "Saturday at 10 is perfect.", message_type = "text", status = "edited", created_at = At(7, 16), updated_at = (DateTime?)At(7, 16, 5) });

        Insert.IntoTable("thread_message_deliveries").OnConflictDoNothing()
            .Row(new { id = "dev-del-2-carol", message_id = "dev-msg-2", recipient_user_id = (string?)U("carol"), recipient_email = (string?)null, channel = "in_app", status = "read", delivered_at = (DateTime?)At(7, 15), read_at = (DateTime?)At(7, 15, 30), error_message = (string?)null, created_at = At(7, 15) })
            .Row(new { id = "dev-del-3-alice", message_id = "dev-msg-3", recipient_user_id = (string?)U("alice"), recipient_email = (string?)null, channel = "in_app", status = "delivered", delivered_at = (DateTime?)At(7, 16), read_at = (DateTime?)null, error_message = (string?)null, created_at = At(7, 16) })
            .Row(new { id = "dev-del-3-alice-email", message_id = "dev-msg-3", recipient_user_id = (string?)U("alice"), recipient_email = (string?)"alice@dev.example.com", channel = "email", status = "failed", delivered_at = (DateTime?)null, read_at = (DateTime?)null, error_message = (string?)"no mail server on a laptop", created_at = At(7, 16) });

        // 0027 exists only in Development: the invite emails the local app captured instead of sending.
        if (Requires("captured invite emails", "dev_mail_outbox"))
        {
            foreach (var (id, email, name, _, _, _) in Invites)
            {
                Insert.IntoTable("dev_mail_outbox").OnConflictDoNothing().Row(new
                {
                    id = $"dev-mail-{id[4..]}", to_email = email, subject = "Alice invites you to: Pottery weekend",
                    body_text = $"Hi {name}, open /i/{Token(id)} to accept.", kind = "thread_invite", thread_invite_id = id, created_at = At(7), opened_at = (DateTime?)null,
                });
            }
        }
    }

    internal static readonly (string Id, string Email, string Name, string Reason, string Status, DateTime? AcceptedAt)[] Invites =
    [
        ("dev-invite-carol", "carol@dev.example.com", "Carol Nguyen", "Also likes ceramics", "accepted", At(7, 14)),
        ("dev-invite-frank", "frank@dev.example.com", "Frank Silva", "Free on weekends", "declined", null),
        ("dev-invite-guest", "guest@dev.example.com", "Grace Guest", "Lives nearby", "pending", null),
    ];

    /// <summary>A 32-character token derived from the invite id: stable, unique, looks like the app's.</summary>
    internal static string Token(string inviteId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(inviteId)))[..32];
}
