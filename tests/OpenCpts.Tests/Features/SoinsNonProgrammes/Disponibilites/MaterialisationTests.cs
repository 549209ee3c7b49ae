using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes.Disponibilites;

public class MaterialisationTests
{
    // The test clock starts on Monday 2026-11-23 09:00 UTC; 56 days ahead hold 8 Tuesdays.
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_weekly_pattern_creates_its_slots_over_the_56_day_horizon(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (pro, activite, _) = await app.MedecinAsync();

        var r = Assert.IsType<ResultatEnregistrementModele.Enregistre>(await app.EnregistrerAsync(pro, Snp.MardiSoir(activite)));

        Assert.Equal(8 * 6, r.Materialisation.Crees);
        var creneaux = await app.AvecDbAsync(db => db.CreneauxSnp.OrderBy(c => c.DebutUtc).ToListAsync());
        Assert.Equal(48, creneaux.Count);
        // 17:00 in Paris in winter is 16:00 UTC.
        Assert.Equal(new DateTime(2026, 11, 24, 16, 0, 0, DateTimeKind.Utc), creneaux[0].DebutUtc);
        Assert.Equal(new DateTime(2026, 11, 24, 16, 20, 0, DateTimeKind.Utc), creneaux[0].FinUtc);
        Assert.All(creneaux, c => Assert.Equal((StatutsCreneau.Libre, activite, TypesConsultation.Cabinet), (c.Statut, c.ActiviteId!.Value, c.TypeConsultation)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Materialising_again_creates_nothing_new(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (pro, _, _) = await app.MedecinAsync();
        await app.ModeleAsync(pro, Snp.MardiSoir());

        var r = await app.AvecServicesAsync(sp => sp.GetRequiredService<MaterialiserCreneaux>().TousAsync());

        Assert.Equal(ResultatMaterialisation.Rien, r);
        Assert.Equal(48, await app.AvecDbAsync(db => db.CreneauxSnp.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_horizon_rolls_forward_with_the_clock(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (pro, _, _) = await app.MedecinAsync();
        await app.ModeleAsync(pro, Snp.MardiSoir());

        app.Horloge.Advance(TimeSpan.FromDays(7));
        var r = await app.AvecServicesAsync(sp => sp.GetRequiredService<MaterialiserCreneaux>().TousAsync());

        Assert.Equal((6, 0), (r.Crees, r.Retires));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Editing_a_pattern_keeps_the_booked_slot_and_withdraws_the_free_future_ones(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (pro, _, _) = await app.MedecinAsync();
        var modele = await app.ModeleAsync(pro, Snp.MardiSoir());
        var reserve = await app.AvecDbAsync(db => db.CreneauxSnp.OrderBy(c => c.DebutUtc).Select(c => c.Id).FirstAsync());
        await app.ReserverAsync(reserve);

        var saisie = Snp.MardiSoir();
        saisie.Id = modele;
        saisie.JourSemaine = DayOfWeek.Wednesday;
        var r = Assert.IsType<ResultatEnregistrementModele.Enregistre>(await app.EnregistrerAsync(pro, saisie));

        Assert.Equal((48, 47), (r.Materialisation.Crees, r.Materialisation.Retires));
        var parStatut = await app.AvecDbAsync(db => db.CreneauxSnp.GroupBy(c => c.Statut).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N));
        Assert.Equal(1, parStatut[StatutsCreneau.Reserve]);
        Assert.Equal(47, parStatut[StatutsCreneau.Retire]);
        Assert.Equal(48, parStatut[StatutsCreneau.Libre]);
        Assert.Equal(StatutsCreneau.Reserve, await app.AvecDbAsync(db => db.CreneauxSnp.Where(c => c.Id == reserve).Select(c => c.Statut).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Past_slots_are_never_changed(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (pro, _, _) = await app.MedecinAsync();
        var modele = await app.ModeleAsync(pro, Snp.MardiSoir());
        app.Horloge.Advance(TimeSpan.FromDays(3));

        Assert.True(await app.AvecServicesAsync(sp => sp.GetRequiredService<ArchiverModele>().ExecuteAsync(pro, modele)));

        var passes = await app.AvecDbAsync(db => db.CreneauxSnp.Where(c => c.DebutUtc < new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc)).Select(c => c.Statut).ToListAsync());
        Assert.Equal(6, passes.Count);
        Assert.All(passes, s => Assert.Equal(StatutsCreneau.Libre, s));
        Assert.Equal(42, await app.AvecDbAsync(db => db.CreneauxSnp.CountAsync(c => c.Statut == StatutsCreneau.Retire)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_suspension_withdraws_the_free_slots_of_the_period_and_lifting_it_brings_them_back(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (pro, _, _) = await app.MedecinAsync();
        var modele = await app.ModeleAsync(pro, Snp.MardiSoir());
        var premierDecembre = await app.AvecDbAsync(db => db.CreneauxSnp.Where(c => c.DebutUtc == new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc)).Select(c => c.Id).SingleAsync());
        await app.ReserverAsync(premierDecembre);

        var r = await app.AvecServicesAsync(sp => sp.GetRequiredService<SuspendreModele>().ExecuteAsync(pro, modele, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 8)));

        Assert.Equal(ResultatSuspension.Suspendu, r);
        Assert.Equal(11, await app.AvecDbAsync(db => db.CreneauxSnp.CountAsync(c => c.Statut == StatutsCreneau.Retire)));
        Assert.Equal(StatutsCreneau.Reserve, await app.AvecDbAsync(db => db.CreneauxSnp.Where(c => c.Id == premierDecembre).Select(c => c.Statut).SingleAsync()));

        await app.AvecServicesAsync(sp => sp.GetRequiredService<SuspendreModele>().ExecuteAsync(pro, modele, null, null));
        Assert.Equal(47, await app.AvecDbAsync(db => db.CreneauxSnp.CountAsync(c => c.Statut == StatutsCreneau.Libre)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_slot_at_17_00_stays_at_17_00_in_Paris_across_the_spring_change(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        app.Horloge.SetUtcNow(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var (pro, _, _) = await app.MedecinAsync();
        var saisie = Snp.MardiSoir();
        saisie.HeureFin = new TimeOnly(17, 20);
        saisie.DateDebut = new DateOnly(2027, 3, 23);
        saisie.DateFin = new DateOnly(2027, 3, 30);

        await app.ModeleAsync(pro, saisie);

        var debuts = await app.AvecDbAsync(db => db.CreneauxSnp.OrderBy(c => c.DebutUtc).Select(c => c.DebutUtc).ToListAsync());
        // 2027-03-28: CET (UTC+1) before, CEST (UTC+2) after.
        Assert.Equal([new DateTime(2027, 3, 23, 16, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 30, 15, 0, 0, DateTimeKind.Utc)], debuts);
    }

    [Fact]
    public void A_tuesday_17_00_slot_is_15_00Z_before_and_16_00Z_after_the_autumn_change_of_2026()
    {
        var m = Modele(DayOfWeek.Tuesday, new TimeOnly(17, 0), new TimeOnly(17, 20), new DateOnly(2026, 10, 20), new DateOnly(2026, 10, 27));

        var debuts = MaterialiserCreneaux.Creneaux(m, new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc)).Select(c => c.Debut);

        Assert.Equal([new DateTime(2026, 10, 20, 15, 0, 0, DateTimeKind.Utc), new DateTime(2026, 10, 27, 16, 0, 0, DateTimeKind.Utc)], debuts);
    }

    [Fact]
    public void A_tuesday_17_00_slot_is_16_00Z_before_and_15_00Z_after_the_spring_change_of_2026()
    {
        var m = Modele(DayOfWeek.Tuesday, new TimeOnly(17, 0), new TimeOnly(17, 20), new DateOnly(2026, 3, 24), new DateOnly(2026, 3, 31));

        var debuts = MaterialiserCreneaux.Creneaux(m, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 4, 30, 0, 0, 0, DateTimeKind.Utc)).Select(c => c.Debut);

        Assert.Equal([new DateTime(2026, 3, 24, 16, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 31, 15, 0, 0, DateTimeKind.Utc)], debuts);
    }

    [Fact]
    public void Slots_in_the_missing_spring_hour_are_skipped()
    {
        var m = Modele(DayOfWeek.Sunday, new TimeOnly(1, 30), new TimeOnly(3, 30), new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 29), duree: 30);

        var creneaux = MaterialiserCreneaux.Creneaux(m, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 4, 30, 0, 0, 0, DateTimeKind.Utc)).ToList();

        // 01:30 CET and 03:00 CEST exist; 02:00 and 02:30 do not.
        Assert.Equal([(new DateTime(2026, 3, 29, 0, 30, 0, DateTimeKind.Utc), new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc)),
            (new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc))], creneaux);
    }

    [Fact]
    public void An_ambiguous_autumn_time_is_taken_at_its_first_occurrence()
    {
        var m = Modele(DayOfWeek.Sunday, new TimeOnly(2, 30), new TimeOnly(3, 0), new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 25), duree: 30);

        var debut = Assert.Single(MaterialiserCreneaux.Creneaux(m, new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc))).Debut;

        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), debut);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_invalid_pattern_is_refused_with_french_messages(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (pro, _, _) = await app.MedecinAsync();
        var (_, activiteDeLAutre, _) = await app.MedecinAsync("BERNARD");
        var saisie = Snp.MardiSoir(activiteDeLAutre);
        saisie.HeureFin = new TimeOnly(16, 0);
        saisie.DureeCreneauMinutes = 300;
        saisie.DateFin = new DateOnly(2026, 10, 1);
        saisie.Visibilite = "SECRET";

        var r = Assert.IsType<ResultatEnregistrementModele.Invalide>(await app.EnregistrerAsync(pro, saisie));

        Assert.Equal(["ActiviteId", "DateFin", "DureeCreneauMinutes", "HeureFin", "Visibilite"], r.Erreurs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["L'heure de fin doit être après l'heure de début."], r.Erreurs["HeureFin"]);
        Assert.Equal(0, await app.AvecDbAsync(db => db.ModelesDisponibilite.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_one_off_slot_overlapping_another_slot_is_refused(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (pro, _, _) = await app.MedecinAsync();
        await app.ModeleAsync(pro, Snp.MardiSoir());
        var publier = (SaisieCreneauPonctuel s) => app.AvecServicesAsync(sp => sp.GetRequiredService<PublierCreneauPonctuel>().ExecuteAsync(pro, s));

        var chevauche = await publier(new SaisieCreneauPonctuel { Date = new DateOnly(2026, 11, 24), Heure = new TimeOnly(18, 50), DureeMinutes = 30 });
        var libre = await publier(new SaisieCreneauPonctuel { Date = new DateOnly(2026, 11, 24), Heure = new TimeOnly(19, 0), DureeMinutes = 30, TypeConsultation = TypesConsultation.Teleconsultation });

        Assert.Contains("chevauche", Assert.IsType<ResultatCreneauPonctuel.Refuse>(chevauche).Message, StringComparison.Ordinal);
        var id = Assert.IsType<ResultatCreneauPonctuel.Publie>(libre).Id;
        var creneau = await app.AvecDbAsync(db => db.CreneauxSnp.SingleAsync(c => c.Id == id));
        Assert.Equal((new DateTime(2026, 11, 24, 18, 0, 0, DateTimeKind.Utc), (int?)null, TypesConsultation.Teleconsultation), (creneau.DebutUtc, creneau.ModeleDisponibiliteId, creneau.TypeConsultation));
    }

    private static ModeleDisponibilite Modele(DayOfWeek jour, TimeOnly debut, TimeOnly fin, DateOnly du, DateOnly au, int duree = 20) => new()
    {
        JourSemaine = jour,
        HeureDebut = debut,
        HeureFin = fin,
        DureeCreneauMinutes = duree,
        DateDebut = du,
        DateFin = au,
    };
}
