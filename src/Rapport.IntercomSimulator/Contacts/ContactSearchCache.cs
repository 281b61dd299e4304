namespace Rapport.IntercomSimulator.Contacts;

/// <summary>
/// The results of recent searches, so that paging through one search filters the workspace once instead of once per
/// page (a client reading a segment's members pages through hundreds of them). An entry is used only while the
/// workspace is at the version it was computed at. Used with the workspace's lock held.
/// </summary>
internal sealed class ContactSearchCache
{
    private const int Capacity = 16;
    private readonly LinkedList<Entry> _entries = new();

    public Entry GetOrAdd(string key, long version, Func<List<SimulatedContact>> search)
    {
        for (var node = _entries.First; node is not null; node = node.Next)
        {
            if (node.Value.Key != key) continue;
            _entries.Remove(node);
            if (node.Value.Version == version)
            {
                _entries.AddFirst(node);
                return node.Value;
            }
            break;
        }

        var entry = new Entry(key, version, search());
        _entries.AddFirst(entry);
        if (_entries.Count > Capacity) _entries.RemoveLast();
        return entry;
    }

    internal sealed class Entry(string key, long version, List<SimulatedContact> results)
    {
        private Dictionary<string, int>? _positions;

        public string Key { get; } = key;
        public long Version { get; } = version;
        public List<SimulatedContact> Results { get; } = results;

        /// <summary>The position just after the contact with this id, or 0 when the id is not in the results.</summary>
        public int After(string id)
        {
            _positions ??= Results.Select((contact, index) => (contact.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
            return _positions.TryGetValue(id, out var index) ? index + 1 : 0;
        }
    }
}
