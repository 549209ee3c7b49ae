using Microsoft.EntityFrameworkCore;

namespace OpenCpts.Web.Infrastructure.Data;

/// <summary>
/// Queues the hot write paths (bookings) of this process before they reach SQLite. SQLite takes one writer at a time;
/// the others wait in its busy handler, which sleeps 1 to 100 ms between retries: under eight concurrent bookings most
/// of the time went into those sleeps (p99 340 ms). An async queue in front costs nothing and hands the lock over at
/// once. PostgreSQL locks rows, so nothing is queued there. Correctness never depends on this gate: the conditional
/// UPDATE and the unique index still decide who gets a slot, across processes too.
/// </summary>
public static class EcrituresSqlite
{
    private static readonly SemaphoreSlim Verrou = new(1, 1);

    /// <returns>A handle to dispose when the writes are committed; null on PostgreSQL.</returns>
    public static async ValueTask<IDisposable?> AcquerirAsync(OpenCptsDb db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }
        await Verrou.WaitAsync(ct);
        return new Liberation();
    }

    private sealed class Liberation : IDisposable
    {
        private int _liberee;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _liberee, 1) == 0)
            {
                Verrou.Release();
            }
        }
    }
}
