using Rapport.Application.Playbooks;

namespace Rapport.Application.Tests.Playbooks;

/// <summary>Quiet hours in the recipient's zone: a send inside them waits for their end; outside, it goes now.</summary>
public sealed class QuietHoursSpecs
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void A_send_at_23_00_in_Paris_with_quiet_hours_22_to_08_waits_until_08_00_Paris_time_the_next_morning()
    {
        var at2300Paris = new DateTimeOffset(2026, 1, 15, 22, 0, 0, TimeSpan.Zero); // winter: Paris is UTC+1

        var until = QuietHours.DeferUntil(at2300Paris, new TimeOnly(22, 0), new TimeOnly(8, 0), Paris);

        until.ShouldBe(new DateTimeOffset(2026, 1, 16, 8, 0, 0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_send_at_06_00_inside_quiet_hours_that_span_midnight_waits_until_08_00_the_same_day()
    {
        var at0600Paris = new DateTimeOffset(2026, 7, 15, 4, 0, 0, TimeSpan.Zero); // summer: UTC+2

        QuietHours.DeferUntil(at0600Paris, new TimeOnly(22, 0), new TimeOnly(8, 0), Paris)
            .ShouldBe(new DateTimeOffset(2026, 7, 15, 8, 0, 0, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_send_outside_quiet_hours_or_without_them_goes_now()
    {
        var noonParis = new DateTimeOffset(2026, 1, 15, 11, 0, 0, TimeSpan.Zero);

        QuietHours.DeferUntil(noonParis, new TimeOnly(22, 0), new TimeOnly(8, 0), Paris).ShouldBeNull();
        QuietHours.DeferUntil(noonParis, null, null, Paris).ShouldBeNull();
        QuietHours.DeferUntil(noonParis, new TimeOnly(12, 30), new TimeOnly(14, 0), Paris).ShouldBeNull("12:00 is before 12:30");
        QuietHours.DeferUntil(noonParis, new TimeOnly(11, 30), new TimeOnly(14, 0), Paris).ShouldBe(new DateTimeOffset(2026, 1, 15, 14, 0, 0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void The_users_own_time_zone_on_their_contact_wins_over_the_workspace_default()
    {
        QuietHours.ZoneOf("""{"custom_attributes":{"timezone":"America/New_York"}}""", "Europe/Paris").Id.ShouldBe("America/New_York");
        QuietHours.ZoneOf("""{"location":{"city":"Lyon"}}""", "Europe/Paris").Id.ShouldBe("Europe/Paris");
        QuietHours.ZoneOf("""{"timezone":"Not/AZone"}""", "UTC").ShouldBe(TimeZoneInfo.Utc);
    }
}
