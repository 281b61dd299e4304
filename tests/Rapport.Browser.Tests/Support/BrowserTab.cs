using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Rapport.Browser.Tests.Support;

/// <summary>A fresh browser context (its own cookies) with one page on a running hub, for one test or one of its teammates.</summary>
internal sealed class BrowserTab(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    /// <summary>The path of the page the tab shows now.</summary>
    public string Path => new Uri(Page.Url).AbsolutePath;

    public static async Task<BrowserTab> OpenAsync(Chromium chromium, WebHub hub)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = hub.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        // Pages answer in milliseconds on loopback, but CI machines run the other test projects alongside: be patient.
        context.SetDefaultTimeout(20_000);
        return new BrowserTab(context, await context.NewPageAsync());
    }

    /// <summary>Goes to a path of the hub, as if typed in the address bar, and saves the page it lands on.</summary>
    public async Task VisitAsync(string path, string step)
    {
        await Page.GotoAsync(path);
        await ShotAsync(step);
    }

    public Task ShotAsync(string step) => Screenshots.SaveAsync(Page, step);

    /// <summary>Signs in through the sign-in form, as a person would, and waits to leave the sign-in page.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/signin");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WaitForPathAsync("/signin", leave: true, "signing in leaves the sign-in page");
    }

    /// <summary>
    /// Waits until the page is at <paramref name="path"/> (or, with <paramref name="leave"/>, anywhere else); when it does not
    /// get there, the failure shows where it stayed and what it said.
    /// </summary>
    /// <remarks>
    /// Polls the address like a web-first assertion instead of using <c>WaitForURLAsync</c>, which can miss the load event
    /// it waits for and time out on a page that is already there (microsoft/playwright-dotnet#3364; seen here on a busy machine).
    /// </remarks>
    public async Task WaitForPathAsync(string path, bool leave, string because)
    {
        var address = new Regex($"^[a-z]+://[^/]+{Regex.Escape(path)}([?#]|$)");
        try
        {
            await (leave ? Expect(Page).Not.ToHaveURLAsync(address) : Expect(Page).ToHaveURLAsync(address));
        }
        catch (PlaywrightException failure)
        {
            await ShotAsync("stuck");
            var text = await Page.Locator("body").InnerTextAsync();
            throw new TimeoutException($"{because}, but the page stayed at {Page.Url} showing: {text.Trim()}", failure);
        }
    }

    public ValueTask DisposeAsync() => context.DisposeAsync();
}
