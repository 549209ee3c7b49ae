using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Features.SoinsNonProgrammes.Surnumeraire;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.Demo;

/// <summary>
/// Unscheduled care of the demo: weekly patterns for a few dozen member professionals, spread so
/// that any day's next 72 hours hold free slots of every consultation type and of several
/// visibilities, materialised from the clock's now; a few bookings; and a second CPTS (Vierzon
/// Sologne) of which one professional with slots is also a member. Deterministic: professionals are
/// chosen by RPPS order, slots to book by time.
/// </summary>
public static class GenerateurDemoSnp
{
    public const string NomCptsVierzon = "CPTS Vierzon Sologne";

    /// <summary>Vierzon and the communes around it (INSEE codes checked against the embedded reference).</summary>
    public static readonly IReadOnlyList<string> CommunesVierzon =
    [
        "18279", // Vierzon
        "18150", // Méry-sur-Cher
        "18214", // Saint-Hilaire-de-Court
        "18263", // Thénioux
        "18140", // Massay
        "18148", // Méreau
        "18281", // Vignoux-sur-Barangeon
        "18290", // Vouzeron
        "18165", // Neuvy-sur-Barangeon
        "18159", // Nançay
        "18100", // Genouilly
        "18085", // Dampierre-en-Graçay
    ];

    private static readonly (string Nom, string Prenom)[] Patients =
    [
        ("LEROUX", "Maëlle"), ("FAUCHER", "Bastien"), ("TESSIER", "Odile"), ("BRUNEAU", "Yanis"),
        ("CHARPIN", "Agathe"), ("MOUTARD", "Rémi"), ("VALLIN", "Inès"), ("GODARD", "Théo"),
    ];

    private static readonly string[] Motifs =
    [
        "Fièvre depuis 48 h", "Douleur lombaire aiguë", "Otalgie", "Toux persistante", "Brûlures urinaires",
        "Entorse de la cheville", "Éruption cutanée", "Conjonctivite",
    ];

    private static readonly (TimeOnly Debut, TimeOnly Fin)[] Plages =
    [
        (new(8, 0), new(10, 0)),
        (new(12, 20), new(14, 0)),
        (new(17, 0), new(19, 40)),
    ];

    public static async Task ChargerAsync(OpenCptsDb db, MaterialiserCreneaux materialiser, int cptsId, int medecinDemoId, DateTime maintenant, CancellationToken ct = default)
    {
        var membres = await db.Professionnels
            .Where(p => p.Adhesions.Any(a => a.CptsId == cptsId) && p.Activites.Any() && p.Id != medecinDemoId
                && ((p.CodeProfession == "10" && p.CodeSpecialite == "SM54") || p.CodeProfession == "60"))
            .OrderBy(p => p.Rpps)
            .Select(p => new { p.Id, p.CodeProfession, ActiviteId = p.Activites.OrderBy(a => a.Id).Select(a => a.Id).First() })
            .ToListAsync(ct);
        var medecins = membres.Where(p => p.CodeProfession == "10").Take(25).ToList();
        var infirmiers = membres.Where(p => p.CodeProfession == "60").Take(8).ToList();
        var activiteDemo = await db.Activites.Where(a => a.ProfessionnelId == medecinDemoId).OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        // A week back, so that the patterns look established.
        var debut = HeureParis.Jour(maintenant).AddDays(-7);

        var modeles = new List<ModeleDisponibilite>();
        ModeleDisponibilite Modele(int pro, int? activite, DayOfWeek jour, TimeOnly de, TimeOnly a, int duree, string type, string visibilite, bool rdv = true, string? motif = null)
        {
            var m = new ModeleDisponibilite
            {
                ProfessionnelId = pro,
                ActiviteId = activite,
                JourSemaine = jour,
                HeureDebut = de,
                HeureFin = a,
                DureeCreneauMinutes = duree,
                DateDebut = debut,
                TypeConsultation = type,
                Visibilite = visibilite,
                AvecRendezVous = rdv,
                Motif = motif,
                CreeLeUtc = maintenant,
                MisAJourLeUtc = maintenant,
            };
            modeles.Add(m);
            return m;
        }

        // General practitioners in their surgery: two half-days a week each, all visibilities in turn.
        for (var i = 0; i < Math.Min(24, medecins.Count); i++)
        {
            var p = medecins[i];
            var (de1, a1) = Plages[i % 3];
            var (de2, a2) = Plages[(i + 1) % 3];
            Modele(p.Id, p.ActiviteId, (DayOfWeek)(i % 7), de1, a1, 20, TypesConsultation.Cabinet, Visibilites.Toutes[i % 4], rdv: i % 5 != 0);
            Modele(p.Id, p.ActiviteId, (DayOfWeek)((i + 3) % 7), de2, a2, 20, TypesConsultation.Cabinet, Visibilites.Toutes[(i + 1) % 4]);
        }
        // Nurses at home, every afternoon of the week between them, for the CPTS or the SAS.
        for (var j = 0; j < infirmiers.Count; j++)
        {
            var p = infirmiers[j];
            var visibilite = j % 2 == 0 ? Visibilites.Cpts : Visibilites.Snp;
            Modele(p.Id, p.ActiviteId, (DayOfWeek)(j % 7), new(14, 0), new(17, 0), 30, TypesConsultation.Domicile, visibilite, motif: "Soins infirmiers à domicile");
            Modele(p.Id, p.ActiviteId, (DayOfWeek)((j + 2) % 7), new(14, 0), new(17, 0), 30, TypesConsultation.Domicile, Visibilites.Cpts, motif: "Soins infirmiers à domicile");
        }
        // One GP offers téléconsultation every evening, visible to the SAS; he also belongs to the Vierzon CPTS.
        int? teleconsultant = medecins.Count > 24 ? medecins[24].Id : null;
        if (teleconsultant is { } tc)
        {
            foreach (var jour in Enum.GetValues<DayOfWeek>())
            {
                Modele(tc, medecins[24].ActiviteId, jour, new(19, 0), new(21, 0), 15, TypesConsultation.Teleconsultation, Visibilites.Snp);
            }
        }
        // The demo account's doctor: three evenings and a lunchtime.
        foreach (var jour in new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday })
        {
            Modele(medecinDemoId, activiteDemo, jour, new(17, 0), new(19, 0), 20, TypesConsultation.Cabinet, Visibilites.Snp);
        }
        Modele(medecinDemoId, activiteDemo, DayOfWeek.Tuesday, new(12, 0), new(13, 0), 20, TypesConsultation.Cabinet, Visibilites.Cpts);
        Modele(medecinDemoId, activiteDemo, DayOfWeek.Saturday, new(9, 0), new(12, 0), 20, TypesConsultation.Cabinet, Visibilites.Snp, motif: "Permanence du samedi");
        Modele(medecinDemoId, activiteDemo, DayOfWeek.Sunday, new(10, 0), new(12, 0), 20, TypesConsultation.Teleconsultation, Visibilites.Snp);

        db.ModelesDisponibilite.AddRange(modeles);

        var vierzon = new Cpts { Nom = NomCptsVierzon, CreeLeUtc = maintenant, Email = "contact@cpts-vierzon-sologne.invalid", Telephone = "0261919000" };
        var codes = await db.Communes.Where(c => CommunesVierzon.Contains(c.CodeInsee)).Select(c => c.CodeInsee).OrderBy(c => c).ToListAsync(ct);
        vierzon.Communes.AddRange(codes.Select(c => new CommuneTerritoire { CodeInsee = c, AjouteeLeUtc = maintenant }));
        db.Cpts.Add(vierzon);
        await db.SaveChangesAsync(ct);
        if (teleconsultant is { } membreDeDeux)
        {
            var bourges = db.Perimetre.CptsId ?? cptsId;
            db.Perimetre.Fixer(vierzon.Id);
            db.Adhesions.Add(new Adhesion { CptsId = vierzon.Id, ProfessionnelId = membreDeDeux, DepuisLe = new DateOnly(2024, 9, 2) });
            await db.SaveChangesAsync(ct);
            db.Perimetre.Fixer(bourges);
        }
        db.ChangeTracker.Clear();

        await materialiser.TousAsync(ct);
        await ReserverAsync(db, medecinDemoId, maintenant, ct);
        await HistoriqueAsync(db, [(medecinDemoId, activiteDemo), .. medecins.Take(10).Select(m => (m.Id, (int?)m.ActiviteId))], maintenant, ct);
        await InvitationEnAttenteAsync(db, medecinDemoId, medecins.FirstOrDefault()?.Id, maintenant, ct);
    }

    /// <summary>
    /// Six past weeks for the follow-up charts: evening slots of a few professionals, 3 to 6 requests a day,
    /// most booked within hours, some the next day, some later, some without solution; about one booked
    /// patient in eight did not come. Seeded, so every fresh demo shows the same history.
    /// </summary>
    private static async Task HistoriqueAsync(OpenCptsDb db, IReadOnlyList<(int Id, int? ActiviteId)> pros, DateTime maintenant, CancellationToken ct)
    {
        var alea = new Random(20261206);
        var aujourdhui = HeureParis.Jour(maintenant);
        var premier = aujourdhui.AddDays(-42);
        var creneaux = new List<CreneauSnp>();
        for (var jour = premier; jour < aujourdhui; jour = jour.AddDays(1))
        {
            for (var i = 0; i < pros.Count; i++)
            {
                if ((jour.DayNumber + i) % 3 != 0)
                {
                    continue;
                }
                for (var k = 0; k < 6; k++)
                {
                    if (HeureParis.VersUtc(jour.ToDateTime(new TimeOnly(17, 0)).AddMinutes(20 * k)) is not { } debut)
                    {
                        continue;
                    }
                    creneaux.Add(new CreneauSnp
                    {
                        ProfessionnelId = pros[i].Id,
                        ActiviteId = pros[i].ActiviteId,
                        DebutUtc = debut,
                        FinUtc = debut.AddMinutes(20),
                        TypeConsultation = TypesConsultation.Cabinet,
                        Visibilite = Visibilites.Snp,
                        Statut = StatutsCreneau.Libre,
                        CreeLeUtc = debut.AddDays(-7),
                        MisAJourLeUtc = debut.AddDays(-7),
                    });
                }
            }
        }
        db.CreneauxSnp.AddRange(creneaux);
        await db.SaveChangesAsync(ct);
        creneaux.Sort((a, b) => a.DebutUtc.CompareTo(b.DebutUtc));
        var libres = new List<CreneauSnp>(creneaux);

        var n = 0;
        for (var jour = premier; jour < aujourdhui; jour = jour.AddDays(1))
        {
            var nombre = 3 + alea.Next(4);
            for (var k = 0; k < nombre; k++)
            {
                if (HeureParis.VersUtc(jour.ToDateTime(new TimeOnly(8, 15)).AddMinutes(100 * k)) is not { } creeLe)
                {
                    continue;
                }
                var (nom, prenom) = Patients[n % Patients.Length];
                var demande = new DemandeSnp
                {
                    NomPatient = nom,
                    PrenomPatient = prenom,
                    DateNaissance = new DateOnly(1945 + (n * 7 % 70), 1 + (n % 12), 1 + (n * 5 % 28)),
                    Telephone = "063998" + (n % 10000).ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
                    CodeCommune = "18033",
                    Motif = Motifs[n % Motifs.Length],
                    Urgence = n % 3 == 0 ? UrgencesDemande.Sous48h : UrgencesDemande.JourMeme,
                    Statut = StatutsDemande.SansSolution,
                    CreePar = "regulation@demo.opencpts.fr",
                    CreeLeUtc = creeLe,
                };
                n++;
                var tirage = alea.NextDouble();
                // Booked within hours, the next day (within 48 h), later than 48 h, or never.
                TimeSpan? delai = tirage < 0.72 ? TimeSpan.FromMinutes(5 + alea.Next(240))
                    : tirage < 0.84 ? TimeSpan.FromHours(25 + alea.Next(20))
                    : tirage < 0.90 ? TimeSpan.FromHours(50 + alea.Next(20))
                    : null;
                var reserveeLe = creeLe + (delai ?? TimeSpan.Zero);
                var creneau = delai is null || reserveeLe >= maintenant ? null : libres.FirstOrDefault(c => c.DebutUtc > reserveeLe && c.FinUtc <= maintenant);
                if (creneau is not null)
                {
                    libres.Remove(creneau);
                    creneau.Statut = StatutsCreneau.Reserve;
                    creneau.MisAJourLeUtc = reserveeLe;
                    var reservation = new ReservationSnp
                    {
                        CreneauSnpId = creneau.Id,
                        NomPatient = demande.NomPatient,
                        PrenomPatient = demande.PrenomPatient,
                        DateNaissance = demande.DateNaissance,
                        Telephone = demande.Telephone,
                        CodeCommune = demande.CodeCommune,
                        Motif = demande.Motif,
                        Statut = alea.NextDouble() < 0.12 ? StatutsReservation.NonHonoree : StatutsReservation.Honoree,
                        Origine = OriginesReservation.Regulation,
                        CreePar = demande.CreePar,
                        CreeLeUtc = reserveeLe,
                    };
                    db.ReservationsSnp.Add(reservation);
                    await db.SaveChangesAsync(ct);
                    demande.ReservationSnpId = reservation.Id;
                    demande.Statut = StatutsDemande.Orientee;
                }
                db.DemandesSnp.Add(demande);
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>A request taken a few minutes ago that no slot fitted, sent to the demo doctor (and one colleague) in surnuméraire.</summary>
    private static async Task InvitationEnAttenteAsync(OpenCptsDb db, int medecinDemoId, int? confrere, DateTime maintenant, CancellationToken ct)
    {
        var demande = new DemandeSnp
        {
            NomPatient = "ARNOUX",
            PrenomPatient = "Sidonie",
            DateNaissance = new DateOnly(1988, 6, 14),
            Telephone = "0639989999",
            CodeCommune = "18033",
            Motif = "Plaie de la main à suturer",
            Urgence = UrgencesDemande.Sous48h,
            Statut = StatutsDemande.Ouverte,
            CreePar = "regulation@demo.opencpts.fr",
            CreeLeUtc = maintenant.AddMinutes(-20),
        };
        db.DemandesSnp.Add(demande);
        await db.SaveChangesAsync(ct);
        foreach (var pro in new[] { (int?)medecinDemoId, confrere }.OfType<int>())
        {
            db.InvitationsSurnumeraire.Add(new InvitationSurnumeraire
            {
                DemandeSnpId = demande.Id,
                ProfessionnelId = pro,
                EnvoyeeLeUtc = maintenant.AddMinutes(-15),
                EnvoyeePar = "regulation@demo.opencpts.fr",
                Statut = StatutsInvitation.EnAttente,
            });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>A few bookings taken by the regulation: two with the demo doctor, the others spread out.</summary>
    private static async Task ReserverAsync(OpenCptsDb db, int medecinDemoId, DateTime maintenant, CancellationToken ct)
    {
        var horizon = maintenant.AddDays(3);
        var duDemo = await db.CreneauxSnp
            .Where(c => c.ProfessionnelId == medecinDemoId && c.Statut == StatutsCreneau.Libre && c.DebutUtc > maintenant)
            .OrderBy(c => c.DebutUtc).Take(2).ToListAsync(ct);
        var autres = await db.CreneauxSnp
            .Where(c => c.ProfessionnelId != medecinDemoId && c.Statut == StatutsCreneau.Libre && c.DebutUtc > maintenant && c.DebutUtc < horizon)
            .OrderBy(c => c.DebutUtc).ThenBy(c => c.ProfessionnelId).ToListAsync(ct);
        var choisis = duDemo.Concat(autres.Where((_, i) => i % 7 == 3).Take(Patients.Length - duDemo.Count)).ToList();
        for (var i = 0; i < choisis.Count; i++)
        {
            var creneau = choisis[i];
            var (nom, prenom) = Patients[i];
            creneau.Statut = StatutsCreneau.Reserve;
            creneau.MisAJourLeUtc = maintenant;
            db.ReservationsSnp.Add(new ReservationSnp
            {
                CreneauSnpId = creneau.Id,
                NomPatient = nom,
                PrenomPatient = prenom,
                DateNaissance = new DateOnly(1950 + (i * 7 % 60), 1 + (i % 12), 1 + (i * 3 % 28)),
                Telephone = "06199000" + (10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                CodeCommune = "18033",
                Motif = i % 2 == 0 ? "Fièvre depuis 48 h" : "Douleur lombaire aiguë",
                Origine = OriginesReservation.Regulation,
                CreePar = "regulation@demo.opencpts.fr",
                CreeLeUtc = maintenant,
            });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
