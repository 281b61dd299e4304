using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Application.Segment;

namespace Rapport.Web.Tests.Support;

/// <summary>Segment's side: a client that sends as Segment's libraries do (Basic auth, write key as user name), and waiting for the inbox.</summary>
public sealed partial class WebHub
{
    public async Task<string> SegmentWriteKeyAsync() => await App.Services.GetRequiredService<SegmentWriteKey>().GetAsync(TestContext.Current.CancellationToken);

    /// <summary>A client with <c>Authorization: Basic base64(writeKey + ":")</c>; the hub's own key unless another is given.</summary>
    public async Task<HttpClient> SegmentClientAsync(string? writeKey = null)
    {
        writeKey ??= await SegmentWriteKeyAsync();
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        _clients.Add(client);
        return client;
    }

    public static Task<HttpResponseMessage> SendSegmentAsync(HttpClient client, string path, string json, bool gzip = false)
    {
        HttpContent content;
        if (gzip)
        {
            using var buffer = new MemoryStream();
            using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
                zip.Write(Encoding.UTF8.GetBytes(json));
            content = new ByteArrayContent(buffer.ToArray());
            content.Headers.ContentEncoding.Add("gzip");
        }
        else
        {
            content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        }

        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return client.PostAsync(path, content, TestContext.Current.CancellationToken);
    }

    /// <summary>Waits until every stored Segment call is applied.</summary>
    public async Task SegmentAppliedAsync(long atLeast)
    {
        await EventuallyAsync(async () => await Store.Segment.CountSegmentInboxAsync(TestContext.Current.CancellationToken) is { } c && c.Pending == 0 && c.Applied >= atLeast,
            $"at least {atLeast} Segment calls are applied");
    }
}
