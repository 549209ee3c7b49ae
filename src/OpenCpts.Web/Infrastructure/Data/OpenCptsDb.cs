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
    public DbSet<Features.Parcours.PatientParcours> PatientsParcours => Set<Features.Parcours.PatientParcours>();
    public DbSet<Features.Parcours.MembreEquipe> MembresEquipe => Set<Features.Parcours.MembreEquipe>();
    public DbSet<Features.Parcours.DemandePriseEnCharge> DemandesPriseEnCharge => Set<Features.Parcours.DemandePriseEnCharge>();
    public DbSet<Features.Parcours.DestinataireDemande> DestinatairesDemande => Set<Features.Parcours.DestinataireDemande>();
    public DbSet<Features.Parcours.PlanSortie> PlansSortie => Set<Features.Parcours.PlanSortie>();
    public DbSet<Features.Parcours.ElementSortie> ElementsSortie => Set<Features.Parcours.ElementSortie>();
    public DbSet<Features.Parcours.ModeleElementSortie> ModelesElementSortie => Set<Features.Parcours.ModeleElementSortie>();
    public DbSet<Features.Parcours.ParametresParcours> ParametresParcours => Set<Features.Parcours.ParametresParcours>();
    public DbSet<Features.Parcours.MessageEquipe> MessagesEquipe => Set<Features.Parcours.MessageEquipe>();
    public DbSet<Features.Parcours.PieceJointe> PiecesJointes => Set<Features.Parcours.PieceJointe>();
    public DbSet<Features.Parcours.LectureMessage> LecturesMessage => Set<Features.Parcours.LectureMessage>();
    public DbSet<Features.Parcours.Protocole> Protocoles => Set<Features.Parcours.Protocole>();
    public DbSet<Features.Parcours.VersionProtocole> VersionsProtocole => Set<Features.Parcours.VersionProtocole>();
    public DbSet<Features.Parcours.DocumentProtocole> DocumentsProtocole => Set<Features.Parcours.DocumentProtocole>();
    public DbSet<Features.Parcours.ModeleParcours> ModelesParcours => Set<Features.Parcours.ModeleParcours>();
    public DbSet<Features.Parcours.EtapeModele> EtapesModele => Set<Features.Parcours.EtapeModele>();
    public DbSet<Features.Parcours.InscriptionParcours> InscriptionsParcours => Set<Features.Parcours.InscriptionParcours>();
    public DbSet<Features.Parcours.TacheParcours> TachesParcours => Set<Features.Parcours.TacheParcours>();
    public DbSet<Features.MedecinTraitant.Demandes.UsageUnique> UsagesUniques => Set<Features.MedecinTraitant.Demandes.UsageUnique>();

    /// <summary>True on PostgreSQL, for the few places where SQL differs (bulk paths).</summary>
    public bool EstPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OpenCptsDb).Assembly);
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
