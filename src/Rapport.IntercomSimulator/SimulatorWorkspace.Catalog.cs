using System.Globalization;

namespace Rapport.IntercomSimulator;

/// <summary>Plans, tags, segments and admins: numeric string ids as Intercom gives them.</summary>
public sealed partial class SimulatorWorkspace
{
    /// <summary>The stable plan id Intercom would show for a plan name.</summary>
    public string PlanId(string planName)
    {
        lock (Sync)
        {
            if (!_planIds.TryGetValue(planName, out var id))
            {
                id = (269315 + _planIds.Count).ToString(CultureInfo.InvariantCulture);
                _planIds[planName] = id;
            }

            return id;
        }
    }

    public SimulatedTag AddTag(string name)
    {
        lock (Sync)
        {
            var tag = new SimulatedTag((7522907 + _tags.Count).ToString(CultureInfo.InvariantCulture), name);
            _tags.Add(tag);
            return tag;
        }
    }

    public SimulatedSegment AddSegment(string name, string personType = "user")
    {
        lock (Sync)
        {
            var now = Now;
            var segment = new SimulatedSegment((4200001 + _segments.Count).ToString(CultureInfo.InvariantCulture), name, personType, now, now);
            _segments.Add(segment);
            return segment;
        }
    }

    public SimulatedAdmin AddAdmin(string name, string email, bool hasInboxSeat = true, string jobTitle = "Customer Success")
    {
        lock (Sync)
        {
            var admin = new SimulatedAdmin((991267400 + _admins.Count).ToString(CultureInfo.InvariantCulture), name, email, jobTitle, hasInboxSeat, false);
            _admins.Add(admin);
            return admin;
        }
    }
}
