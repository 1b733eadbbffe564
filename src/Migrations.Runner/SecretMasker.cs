namespace Migrations.Runner;

/// <summary>
/// Removes passwords from text before it is shown. Connection strings are masked through each
/// provider's builder where they are logged; this is the last line of defence for error text
/// that might quote one.
/// </summary>
public sealed class SecretMasker
{
    // Replaced whole, never changed in place: log lines are masked on other threads while secrets are added.
    private volatile string[] _secrets = [];

    public void Add(string? secret)
    {
        lock (this)
        {
            if (!string.IsNullOrEmpty(secret) && secret.Length >= 3 && !_secrets.Contains(secret))
            {
                _secrets = [.. _secrets.Append(secret).OrderByDescending(s => s.Length)];
            }
        }
    }

    public string Mask(string text) => _secrets.Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));
}
