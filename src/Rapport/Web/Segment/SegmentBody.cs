using System.IO.Compression;
using Rapport.Hub.Accounts;

namespace Rapport.Web.Segment;

/// <summary>Reads a body, gunzipped when its Content-Encoding says so, refusing it past a limit on the decoded size.</summary>
internal static class SegmentBody
{
    /// <param name="Bytes">The decoded body, or null when it is over the limit.</param>
    public readonly record struct Read(byte[]? Bytes, string? Error);

    public static async Task<Read> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var encoding = request.Headers.ContentEncoding.ToString();
        var gzip = encoding.Contains("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && request.ContentLength > limit)
            return new(null, null);
        try
        {
            await using var unzip = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
            var stream = unzip ?? request.Body;
            var buffer = new byte[Math.Min(limit + 1, 64 * 1024)];
            var read = 0;
            while (true)
            {
                if (read == buffer.Length)
                {
                    if (buffer.Length > limit)
                        return new(null, null);
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, limit + 1));
                }

                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
                if (n == 0)
                    return read > limit ? new(null, null) : new(buffer[..read], null);
                read += n;
            }
        }
        catch (InvalidDataException)
        {
            return new(null, "The body says Content-Encoding: gzip but is not valid gzip.");
        }
    }
}
