namespace Rapport.Tests;

/// <summary>The README and the pages under docs/ link only to files and headings that exist.</summary>
public sealed class DocsLinkSpecs : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-docs-").FullName;

    [Fact]
    public void Every_relative_link_in_the_README_and_docs_resolves()
    {
        var root = MarkdownLinks.RepositoryRoot(AppContext.BaseDirectory);
        var docs = Path.Combine(root, "docs");
        string[] files = [Path.Combine(root, "README.md"), .. Directory.GetFiles(docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        files.Length.ShouldBeGreaterThan(1, "docs/ holds the pages the README links to");

        MarkdownLinks.Broken(root, files).ShouldBeEmpty();
    }

    [Fact]
    public void A_link_to_a_missing_file_is_reported_with_its_line()
    {
        Write("README.md", "# Title", "", "See [the guide](docs/guide.md) and [the licence](LICENSE).");
        Write("LICENSE", "MIT");

        var broken = MarkdownLinks.Broken(_folder, [Path.Combine(_folder, "README.md")]);

        broken.ShouldBe(["README.md:3: docs/guide.md (no such file)"]);
    }

    [Fact]
    public void A_link_to_a_missing_heading_is_reported_and_an_existing_one_is_not()
    {
        Write("docs/page.md", "# Page", "", "## The web app (`rapport serve`, and `rapport demo`)", "", "## Setup", "", "## Setup");
        Write("README.md",
            "[ok](docs/page.md#the-web-app-rapport-serve-and-rapport-demo)",
            "[second](docs/page.md#setup-1)",
            "[here](#readme-top)",
            "[gone](docs/page.md#install)");

        var broken = MarkdownLinks.Broken(_folder, [Path.Combine(_folder, "README.md")]);

        broken.ShouldBe(["README.md:3: #readme-top (no heading #readme-top in README.md)", "README.md:4: docs/page.md#install (no heading #install in docs/page.md)"]);
    }

    [Fact]
    public void Links_in_code_and_to_other_sites_are_not_followed()
    {
        Write("README.md",
            "`[not a link](missing.md)` and [a site](https://example.com/missing.md)",
            "```",
            "[also not](missing.md)",
            "```");

        MarkdownLinks.Broken(_folder, [Path.Combine(_folder, "README.md")]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Live updates from Intercom (webhooks)", "live-updates-from-intercom-webhooks")]
    [InlineData("Messaging: replies and new conversations", "messaging-replies-and-new-conversations")]
    [InlineData("Segment → Rapport, `segment.<trait>`", "segment--rapport-segmenttrait")]
    [InlineData("[The master key](operations.md) and snake_case", "the-master-key-and-snake_case")]
    public void Headings_are_slugged_as_GitHub_does(string heading, string slug) =>
        MarkdownLinks.Slug(heading).ShouldBe(slug);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string path, params string[] lines)
    {
        var full = Path.Combine(_folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllLines(full, lines);
    }
}
