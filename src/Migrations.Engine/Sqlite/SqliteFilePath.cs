namespace Migrations.Engine.Sqlite;

/// <summary>
/// The real path of a SQLite file, as realpath(3) gives it: the symbolic links of the file and of
/// every directory above it followed, and "." and ".." taken after them, so that two paths to one
/// file (a symlink, <c>./a/../db.sqlite</c>) name one run lock. Parts that do not exist yet are
/// kept as written. A hard link is another name the file system cannot tell apart; the journal
/// check under the write lock covers it (see docs/decisions/0002-sqlite-run-lock.md).
/// </summary>
internal static class SqliteFilePath
{
    // Linux gives up (ELOOP) after 40 links; so does this.
    private const int MaxLinks = 40;

    public static string Resolve(string path)
    {
        var links = 0;
        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        return Walk(absolute, ref links) ?? Path.GetFullPath(path);
    }

    private static string? Walk(string path, ref int links)
    {
        var root = Path.GetPathRoot(path)!;
        var current = root;
        foreach (var part in path[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part)
            {
                case ".":
                    continue;
                case "..":
                    current = Path.GetDirectoryName(current) ?? current;
                    continue;
            }

            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // A relative target is relative to the link's own directory, which is already real.
            var resolved = Walk(Path.IsPathRooted(target) ? target : Path.Combine(current, target), ref links);
            if (resolved is null)
            {
                return null;
            }

            current = resolved;
        }

        return current;
    }
}
