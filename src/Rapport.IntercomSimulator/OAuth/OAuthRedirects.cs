namespace Rapport.IntercomSimulator.OAuth;

/// <summary>
/// The app's registered redirect URLs: those of <see cref="SimulatorOptions.RedirectUris"/> plus any registered at run time,
/// because a hub started on a free port only knows its callback URL after the simulator is up.
/// </summary>
internal sealed class OAuthRedirects(IReadOnlyList<Uri> initial)
{
    private readonly Lock _sync = new();
    private readonly List<Uri> _uris = [.. initial];

    public IReadOnlyList<Uri> All
    {
        get { lock (_sync) { return [.. _uris]; } }
    }

    public void Register(Uri uri)
    {
        if (!uri.IsAbsoluteUri) { throw new ArgumentException("A redirect URL must be absolute.", nameof(uri)); }
        lock (_sync)
        {
            if (!_uris.Any(u => string.Equals(u.AbsoluteUri, uri.AbsoluteUri, StringComparison.Ordinal))) { _uris.Add(uri); }
        }
    }
}
