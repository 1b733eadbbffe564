namespace Migrations.Runner;

/// <summary>
/// Removes passwords from text before it is shown. Connection strings are masked through each
/// provider's builder where they are logged; this is the last line of defence for error text
/// that might quote one.
/// </summary>
public sealed class SecretMasker
{
    private readonly List<string> _secrets = [];

    public void Add(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 3 && !_secrets.Contains(secret))
        {
            _secrets.Add(secret);
            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    public string Mask(string text) => _secrets.Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));
}
