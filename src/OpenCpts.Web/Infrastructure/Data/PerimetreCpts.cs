namespace OpenCpts.Web.Infrastructure.Data;

/// <summary>
/// A record that belongs to one CPTS. Every query of such a record is scoped to the current
/// <see cref="PerimetreCpts"/> by a global query filter, and a new record takes the current CPTS when it has none
/// (<see cref="OpenCptsDb"/>). Shared reference data (communes, the directory of professionals and structures) and
/// platform accounts do not implement it.
/// </summary>
public interface IPropreACpts
{
    int CptsId { get; set; }
}

/// <summary>
/// A record that may belong to one CPTS or to the platform as a whole (audit entries, outgoing messages about an
/// account): scoped like <see cref="IPropreACpts"/> when it has a CPTS; platform records are seen only by work that
/// opened every CPTS.
/// </summary>
public interface IPropreACptsOuPlateforme
{
    int? CptsId { get; set; }
}

/// <summary>
/// Which CPTS the current unit of work (a request, a job's run, a CLI command) sees and writes. Scoped: one per DI
/// scope. It starts closed (nothing is seen, nothing CPTS-owned can be written): a request opens it on the CPTS
/// resolved for it (<c>Features/Territoire/CptsDeLaRequete</c>), a job on each CPTS in turn, system work
/// (migrations, imports of reference data, the demo seed) on every CPTS explicitly.
/// </summary>
public class PerimetreCpts
{
    /// <summary>The CPTS seen, when the unit of work is bound to one.</summary>
    public int? CptsId { get; private set; }

    /// <summary>System work: no filter, every new CPTS-owned record must name its CPTS.</summary>
    public bool Toutes { get; private set; }

    /// <summary>Binds the unit of work to one CPTS: it sees only that CPTS's records and writes only in it.</summary>
    public void Fixer(int cptsId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cptsId);
        CptsId = cptsId;
        Toutes = false;
    }

    /// <summary>Opens every CPTS, for system work that is not done on behalf of one (and says so by calling this).</summary>
    public void OuvrirToutes()
    {
        CptsId = null;
        Toutes = true;
    }

    /// <summary>The CPTS a new record without one is given; null: none (saving fails).</summary>
    public virtual int? CptsPourNouvelEnregistrement(OpenCptsDb db) => CptsId;
}
