using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Rapport.Browser.Tests.Support.Chromium))]

namespace Rapport.Browser.Tests.Support;

/// <summary>
/// One headless Chromium for the whole test assembly, Debian's own build driven by Playwright; each test opens its own
/// context (see <see cref="BrowserTab"/>), so cookies never leak between tests. Nothing is downloaded: a missing Chromium
/// fails every test with the way to install it, because CI must not skip what it can run.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string PathVariable = "RAPPORT_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public static string ExecutablePath => Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    public async ValueTask InitializeAsync()
    {
        var path = ExecutablePath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {path}, and it is not there. Install it with `sudo apt-get install -y chromium` " +
                $"(scripts/test.sh does this), or point {PathVariable} at a Chromium or Chrome executable.");
        }

        Screenshots.Clear();
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = Args });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (Screenshots.Saved > 0)
            Console.WriteLine($"Browser tests: {Screenshots.Saved} screenshots in {Screenshots.Folder}");
    }
}
