using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Rapport.Browser.Tests.Support;

/// <summary>
/// Full-page PNGs of what the tests saw, named <c>&lt;test&gt;-&lt;NN&gt;-&lt;step&gt;.png</c> beside the test binaries, so a
/// person can look at every page the suite visits. Steps are numbered per test, across all of the test's tabs.
/// </summary>
internal static class Screenshots
{
    private static readonly ConcurrentDictionary<string, int> Steps = new();

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static int Saved => Steps.Values.Sum();

    /// <summary>Empties the folder, so that it shows one run only.</summary>
    public static void Clear()
    {
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }

    public static async Task SaveAsync(IPage page, string step)
    {
        var test = TestContext.Current.TestMethod?.MethodName ?? "test";
        var number = Steps.AddOrUpdate(TestContext.Current.Test?.UniqueID ?? test, 1, (_, n) => n + 1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{test}-{number:00}-{step}.png"), FullPage = true });
    }
}
