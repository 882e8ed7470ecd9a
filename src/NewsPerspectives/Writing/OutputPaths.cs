using System.Security.Cryptography;
using System.Text;

namespace NewsPerspectives;

/// <summary>Safe file names and paths under an output root.</summary>
public static class OutputPaths
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "_index", "index",
    };

    /// <summary>
    /// Turns an id into one safe path segment: ASCII slug characters only, at most 64 characters; when the id had to
    /// change (or is a reserved name such as <c>CON</c> or <c>_index</c>), a short hash of the original keeps names distinct.
    /// </summary>
    /// <param name="id">The id.</param>
    public static string Segment(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var builder = new StringBuilder(Math.Min(id.Length, 64));
        bool dash = false;
        foreach (var c in id.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
                dash = false;
            }
            else if (!dash && builder.Length > 0)
            {
                builder.Append('-');
                dash = true;
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > 48)
        {
            slug = slug[..48].Trim('-');
        }

        if (slug == id && !Reserved.Contains(slug) && slug.Length > 0)
        {
            return slug;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)).AsSpan(0, 4));
        return slug.Length == 0 ? hash : $"{slug}-{hash}";
    }

    /// <summary>The relative path of a digest's file: <c>{folder}/{topic segment}/{yyyy-MM-dd}.{extension}</c>.</summary>
    /// <param name="folder">The writer's folder under the output root, '/'-separated.</param>
    /// <param name="digest">The digest.</param>
    /// <param name="extension">The file extension without the dot.</param>
    public static string ForDigest(string folder, Digest digest, string extension)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(digest);
        return $"{folder.Trim('/')}/{Segment(digest.Topic.Id)}/{digest.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.{extension}";
    }

    /// <summary>
    /// Combines the root and a '/'-separated relative path, refusing any result outside the root: an absolute path,
    /// a '.' or '..' segment, or an existing folder on the way that is a symbolic link (writing through it would
    /// land wherever the link points). The root itself may be a link; the file itself may be one (the atomic move
    /// replaces the link, not its target).
    /// </summary>
    /// <param name="root">The output root.</param>
    /// <param name="relativePath">The relative path.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="NewsPerspectivesException">The path escapes the root, is absolute or passes through a symbolic link.</exception>
    public static string Resolve(string root, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(relativePath);
        if (Path.IsPathRooted(relativePath) || relativePath.Split('/', '\\').Any(p => p is ".." or "."))
        {
            throw new NewsPerspectivesException($"output path '{relativePath}' must be relative and must not contain '.' or '..' segments");
        }

        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(fullRoot, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        var prefix = fullRoot.EndsWith(Path.DirectorySeparatorChar) ? fullRoot : fullRoot + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new NewsPerspectivesException($"output path '{relativePath}' leaves the output folder '{fullRoot}'");
        }

        for (var folder = Path.GetDirectoryName(full); folder is not null && folder.Length > fullRoot.Length; folder = Path.GetDirectoryName(folder))
        {
            if (new DirectoryInfo(folder) is { Exists: true, LinkTarget: { } target })
            {
                throw new NewsPerspectivesException($"output path '{relativePath}' passes through '{folder}', a symbolic link to '{target}'; refusing to write outside the output folder '{fullRoot}'");
            }
        }

        return full;
    }
}

/// <summary>
/// Writes digests to files atomically: a temporary file in the same folder, flushed, then moved over the target. A
/// failed run (<see cref="DigestRunStatus.Failed"/>: every feed failed, or no article) is never written, so it can
/// never replace the day's good post with an empty one.
/// </summary>
public static class DigestFileStore
{
    /// <summary>Writes a run with a writer under a root folder.</summary>
    /// <param name="run">The run; check its <see cref="DigestRun.Status"/> first, a failed run is refused.</param>
    /// <param name="writer">The writer.</param>
    /// <param name="root">The output root.</param>
    /// <param name="cancellationToken">Cancels the write; the previous file, if any, stays intact.</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="NewsPerspectivesException">
    /// The run failed (nothing is written; an existing file is kept), the path is unsafe, or the file could not be
    /// written (the old file stays intact).
    /// </exception>
    public static async Task<string> WriteAsync(DigestRun run, IDigestWriter writer, string root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(root);
        var path = OutputPaths.Resolve(root, writer.GetRelativePath(run.Digest));
        if (run.Status == DigestRunStatus.Failed)
        {
            var kept = File.Exists(path) ? $"the existing '{path}' is kept" : $"nothing was written to '{path}'";
            throw new NewsPerspectivesException($"not writing topic '{run.Digest.Topic.Id}': the run failed ({run.StatusReason}); {kept}");
        }

        await AtomicFile.WriteAsync(path, (stream, ct) => writer.WriteAsync(run, stream, ct), "the digest", cancellationToken).ConfigureAwait(false);
        return path;
    }
}
