using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Import;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Features.SoinsNonProgrammes.Surnumeraire;
using OpenCpts.Web.Features.Territoire;

namespace OpenCpts.Web.Infrastructure.Data;

/// <summary>
/// The platform's database. Use cases take it directly (no repository layer). Each provider has a
/// subclass (<see cref="SqliteOpenCptsDb"/>, <see cref="PostgresOpenCptsDb"/>) that owns its migration set.
/// </summary>
public abstract class OpenCptsDb(DbContextOptions options) : IdentityDbContext<Utilisateur>(options)
{
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<Cpts> Cpts => Set<Cpts>();
    public DbSet<CommuneTerritoire> CommunesTerritoire => Set<CommuneTerritoire>();
    public DbSet<Professionnel> Professionnels => Set<Professionnel>();
    public DbSet<ActiviteProfessionnelle> Activites => Set<ActiviteProfessionnelle>();
    public DbSet<Competence> Competences => Set<Competence>();
    public DbSet<Adhesion> Adhesions => Set<Adhesion>();
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<JetonApi> JetonsApi => Set<JetonApi>();
    public DbSet<ExigenceDeuxFacteurs> ExigencesDeuxFacteurs => Set<ExigenceDeuxFacteurs>();
    public DbSet<RapportImport> RapportsImport => Set<RapportImport>();
    public DbSet<RejetImport> RejetsImport => Set<RejetImport>();
    public DbSet<ModeleDisponibilite> ModelesDisponibilite => Set<ModeleDisponibilite>();
    public DbSet<CreneauSnp> CreneauxSnp => Set<CreneauSnp>();
    public DbSet<ReservationSnp> ReservationsSnp => Set<ReservationSnp>();
    public DbSet<InvitationSurnumeraire> InvitationsSurnumeraire => Set<InvitationSurnumeraire>();
    public DbSet<FluxCalendrier> FluxCalendriers => Set<FluxCalendrier>();
    public DbSet<DemandeSnp> DemandesSnp => Set<DemandeSnp>();
    public DbSet<Infrastructure.Messages.MessageSortant> MessagesSortants => Set<Infrastructure.Messages.MessageSortant>();
    public DbSet<Infrastructure.Geocodage.GeocodageEchec> GeocodageEchecs => Set<Infrastructure.Geocodage.GeocodageEchec>();
    public DbSet<Audit.EntreeAudit> EntreesAudit => Set<Audit.EntreeAudit>();
    public DbSet<Features.MedecinTraitant.Demandes.DemandeMedecinTraitant> DemandesMedecinTraitant => Set<Features.MedecinTraitant.Demandes.DemandeMedecinTraitant>();
    public DbSet<Features.MedecinTraitant.Demandes.HistoriqueDemandeMt> HistoriqueDemandesMt => Set<Features.MedecinTraitant.Demandes.HistoriqueDemandeMt>();
    public DbSet<Features.MedecinTraitant.Propositions.CapaciteMedecin> CapacitesMedecin => Set<Features.MedecinTraitant.Propositions.CapaciteMedecin>();
    public DbSet<Features.MedecinTraitant.Propositions.PropositionAppariement> PropositionsAppariement => Set<Features.MedecinTraitant.Propositions.PropositionAppariement>();
    public DbSet<Features.MedecinTraitant.Propositions.AffectationMt> AffectationsMt => Set<Features.MedecinTraitant.Propositions.AffectationMt>();
    public DbSet<Features.MedecinTraitant.Propositions.PonderationPriorite> PonderationsPriorite => Set<Features.MedecinTraitant.Propositions.PonderationPriorite>();
    public DbSet<Features.Sas.CompteRegulateurSas> ComptesRegulateursSas => Set<Features.Sas.CompteRegulateurSas>();
    public DbSet<Features.Sas.JetonConnexionSas> JetonsConnexionSas => Set<Features.Sas.JetonConnexionSas>();
    public DbSet<Features.Sas.ReservationSas> ReservationsSas => Set<Features.Sas.ReservationSas>();
    public DbSet<Features.Sas.EnvoiSas> EnvoisSas => Set<Features.Sas.EnvoiSas>();
    public DbSet<Features.Parcours.Patients.PatientParcours> PatientsParcours => Set<Features.Parcours.Patients.PatientParcours>();
    public DbSet<Features.Parcours.Patients.MembreEquipe> MembresEquipe => Set<Features.Parcours.Patients.MembreEquipe>();
    public DbSet<Features.Parcours.Demandes.DemandePriseEnCharge> DemandesPriseEnCharge => Set<Features.Parcours.Demandes.DemandePriseEnCharge>();
    public DbSet<Features.Parcours.Demandes.DestinataireDemande> DestinatairesDemande => Set<Features.Parcours.Demandes.DestinataireDemande>();
    public DbSet<Features.Parcours.Sorties.PlanSortie> PlansSortie => Set<Features.Parcours.Sorties.PlanSortie>();
    public DbSet<Features.Parcours.Sorties.ElementSortie> ElementsSortie => Set<Features.Parcours.Sorties.ElementSortie>();
    public DbSet<Features.Parcours.Sorties.ModeleElementSortie> ModelesElementSortie => Set<Features.Parcours.Sorties.ModeleElementSortie>();
    public DbSet<Features.Parcours.Sorties.ParametresParcours> ParametresParcours => Set<Features.Parcours.Sorties.ParametresParcours>();
    public DbSet<Features.Parcours.Equipe.MessageEquipe> MessagesEquipe => Set<Features.Parcours.Equipe.MessageEquipe>();
    public DbSet<Features.Parcours.Equipe.PieceJointe> PiecesJointes => Set<Features.Parcours.Equipe.PieceJointe>();
    public DbSet<Features.Parcours.Equipe.LectureMessage> LecturesMessage => Set<Features.Parcours.Equipe.LectureMessage>();
    public DbSet<Features.Parcours.Protocoles.Protocole> Protocoles => Set<Features.Parcours.Protocoles.Protocole>();
    public DbSet<Features.Parcours.Protocoles.VersionProtocole> VersionsProtocole => Set<Features.Parcours.Protocoles.VersionProtocole>();
    public DbSet<Features.Parcours.Protocoles.DocumentProtocole> DocumentsProtocole => Set<Features.Parcours.Protocoles.DocumentProtocole>();
    public DbSet<Features.Parcours.Modeles.ModeleParcours> ModelesParcours => Set<Features.Parcours.Modeles.ModeleParcours>();
    public DbSet<Features.Parcours.Modeles.EtapeModele> EtapesModele => Set<Features.Parcours.Modeles.EtapeModele>();
    public DbSet<Features.Parcours.Modeles.InscriptionParcours> InscriptionsParcours => Set<Features.Parcours.Modeles.InscriptionParcours>();
    public DbSet<Features.Parcours.Modeles.TacheParcours> TachesParcours => Set<Features.Parcours.Modeles.TacheParcours>();
    public DbSet<Features.MedecinTraitant.Demandes.UsageUnique> UsagesUniques => Set<Features.MedecinTraitant.Demandes.UsageUnique>();

    /// <summary>The CPTS this context sees and writes (set by the DI scope that made it; closed by default).</summary>
    public PerimetreCpts Perimetre { get; set; } = new();

    /// <summary>Read by the global query filters at each query's execution (EF parameterises context members).</summary>
    public bool SansFiltreCpts => Perimetre.Toutes;

    /// <summary>The CPTS the filters let through; 0 (no CPTS) when the unit of work is bound to none.</summary>
    public int CptsIdFiltre => Perimetre.CptsId ?? 0;

    /// <summary>True on PostgreSQL, for the few places where SQL differs (bulk paths).</summary>
    public bool EstPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OpenCptsDb).Assembly);
        FiltrerParCpts(builder);
    }

    /// <summary>
    /// One global query filter per CPTS-owned entity: <c>e => SansFiltreCpts || e.CptsId == CptsIdFiltre</c>. A
    /// query, an <c>ExecuteUpdate</c> or an <c>ExecuteDelete</c> can then only reach the current CPTS's rows.
    /// </summary>
    private void FiltrerParCpts(ModelBuilder builder)
    {
        var contexte = Expression.Constant(this);
        var sansFiltre = Expression.Property(contexte, nameof(SansFiltreCpts));
        var cptsId = Expression.Property(contexte, nameof(CptsIdFiltre));
        foreach (var type in builder.Model.GetEntityTypes().Where(t => t.BaseType is null && !t.IsOwned()))
        {
            var clr = type.ClrType;
            Expression? egal = null;
            var e = Expression.Parameter(clr, "e");
            if (typeof(IPropreACpts).IsAssignableFrom(clr))
            {
                egal = Expression.Equal(Expression.Property(e, nameof(IPropreACpts.CptsId)), cptsId);
            }
            else if (typeof(IPropreACptsOuPlateforme).IsAssignableFrom(clr))
            {
                egal = Expression.Equal(Expression.Property(e, nameof(IPropreACptsOuPlateforme.CptsId)), Expression.Convert(cptsId, typeof(int?)));
            }
            if (egal is not null)
            {
                builder.Entity(clr).HasQueryFilter(Expression.Lambda(Expression.OrElse(sansFiltre, egal), e));
                // Every filtered query starts with the CPTS: index it unless a key or index already leads with it.
                if (!type.GetKeys().Select(k => k.Properties).Concat(type.GetIndexes().Select(i => i.Properties))
                        .Any(p => p[0].Name == nameof(IPropreACpts.CptsId)))
                {
                    builder.Entity(clr).HasIndex(nameof(IPropreACpts.CptsId));
                }
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        VerifierPerimetre();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        VerifierPerimetre();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// A new CPTS-owned record takes the current CPTS; one that names another CPTS than the current one, or a record
    /// whose CPTS changes, is refused: no unit of work writes outside its CPTS.
    /// </summary>
    private void VerifierPerimetre()
    {
        foreach (var entree in ChangeTracker.Entries())
        {
            if (entree.State is not (EntityState.Added or EntityState.Modified)
                || entree.Entity is not (IPropreACpts or IPropreACptsOuPlateforme))
            {
                continue;
            }
            var propriete = entree.Property(nameof(IPropreACpts.CptsId));
            if (entree.State == EntityState.Modified)
            {
                if (propriete.IsModified && !Equals(propriete.OriginalValue, propriete.CurrentValue))
                {
                    throw new InvalidOperationException($"{entree.Metadata.ClrType.Name} : un enregistrement ne change pas de CPTS.");
                }
                continue;
            }
            if (propriete.IsTemporary)
            {
                // Set by its relationship to a CPTS created in the same save (a territory's communes).
                continue;
            }
            var cpts = propriete.CurrentValue is int valeur && valeur != 0 ? valeur : (int?)null;
            if (cpts is null)
            {
                cpts = entree.Entity is IPropreACpts
                    ? Perimetre.CptsPourNouvelEnregistrement(this) ?? throw new InvalidOperationException(
                        $"{entree.Metadata.ClrType.Name} sans CPTS : aucune CPTS n'est choisie pour ce traitement.")
                    : Perimetre.CptsPourNouvelEnregistrement(this);
                propriete.CurrentValue = cpts;
            }
            if (!Perimetre.Toutes && cpts is not null && cpts != Perimetre.CptsId)
            {
                throw new InvalidOperationException($"{entree.Metadata.ClrType.Name} : écriture hors de la CPTS courante refusée.");
            }
        }
    }

    public override void Dispose()
    {
        // Pooled contexts are reused: the next lease must not inherit this unit of work's CPTS.
        Perimetre = new();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        Perimetre = new();
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }
}

/// <summary>SQLite flavour (default, the demo). Migrations in Migrations/Sqlite.</summary>
public sealed class SqliteOpenCptsDb(DbContextOptions<SqliteOpenCptsDb> options) : OpenCptsDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite stores DateTime as text without a kind; everything we store is UTC, so say so on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<DateTimeUtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<DateTimeUtcConverter>();
    }
}

/// <summary>PostgreSQL flavour (production). Migrations in Migrations/Postgres.</summary>
public sealed class PostgresOpenCptsDb(DbContextOptions<PostgresOpenCptsDb> options) : OpenCptsDb(options);

internal sealed class DateTimeUtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
