using Microsoft.Extensions.Time.Testing;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Tests.Infrastructure.Temps;

/// <summary>Europe/Paris in 2026: summer time from Sunday 29 March 02:00 (clocks go to 03:00) to Sunday 25 October
/// 03:00 (clocks go back to 02:00).</summary>
public class HeureParisTests
{
    private static DateTime Utc(int mois, int jour, int heure, int minute) => new(2026, mois, jour, heure, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1, 15, 23, 30, 1, 16)] // winter, UTC+1: 00:30 the next day
    [InlineData(7, 1, 23, 30, 7, 2)]   // summer, UTC+2: 01:30 the next day
    [InlineData(7, 1, 21, 59, 7, 1)]   // summer: 23:59 the same day
    public void The_Paris_date_at_23_30_UTC_is_already_the_next_day(int mois, int jour, int heure, int minute, int moisParis, int jourParis)
    {
        Assert.Equal(new DateOnly(2026, moisParis, jourParis), HeureParis.Jour(Utc(mois, jour, heure, minute)));
        Assert.Equal(new DateOnly(2026, moisParis, jourParis), HeureParis.Aujourdhui(new FakeTimeProvider(new DateTimeOffset(Utc(mois, jour, heure, minute)))));
    }

    [Fact]
    public void A_wall_clock_time_skipped_by_the_spring_change_has_no_UTC_instant()
    {
        Assert.Null(HeureParis.VersUtc(new DateTime(2026, 3, 29, 2, 30, 0)));
        Assert.Equal(Utc(3, 29, 0, 59), HeureParis.VersUtc(new DateTime(2026, 3, 29, 1, 59, 0)));
        Assert.Equal(Utc(3, 29, 1, 0), HeureParis.VersUtc(new DateTime(2026, 3, 29, 3, 0, 0)));
    }

    [Fact]
    public void A_wall_clock_time_repeated_by_the_autumn_change_is_taken_at_its_first_occurrence()
    {
        Assert.Equal(Utc(10, 25, 0, 30), HeureParis.VersUtc(new DateTime(2026, 10, 25, 2, 30, 0)));
        Assert.Equal(Utc(10, 25, 2, 0), HeureParis.VersUtc(new DateTime(2026, 10, 25, 3, 0, 0)));
        // Both occurrences read the same on the wall.
        Assert.Equal(new DateTime(2026, 10, 25, 2, 30, 0), HeureParis.DepuisUtc(Utc(10, 25, 0, 30)));
        Assert.Equal(new DateTime(2026, 10, 25, 2, 30, 0), HeureParis.DepuisUtc(Utc(10, 25, 1, 30)));
    }

    [Fact]
    public void The_days_of_the_changes_last_23_and_25_hours()
    {
        Assert.Equal(Utc(3, 28, 23, 0), HeureParis.DebutDuJourUtc(new DateOnly(2026, 3, 29)));
        Assert.Equal(TimeSpan.FromHours(23), HeureParis.DebutDuJourUtc(new DateOnly(2026, 3, 30)) - HeureParis.DebutDuJourUtc(new DateOnly(2026, 3, 29)));
        Assert.Equal(Utc(10, 24, 22, 0), HeureParis.DebutDuJourUtc(new DateOnly(2026, 10, 25)));
        Assert.Equal(TimeSpan.FromHours(25), HeureParis.DebutDuJourUtc(new DateOnly(2026, 10, 26)) - HeureParis.DebutDuJourUtc(new DateOnly(2026, 10, 25)));
    }

    [Fact]
    public void An_instant_carries_the_Paris_offset_of_its_own_moment()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.FromHours(2)), HeureParis.AvecDecalage(Utc(7, 1, 8, 0)));
        Assert.Equal(TimeSpan.FromHours(2), HeureParis.AvecDecalage(Utc(10, 25, 0, 59)).Offset);
        Assert.Equal(TimeSpan.FromHours(1), HeureParis.AvecDecalage(Utc(10, 25, 1, 0)).Offset);
    }
}
