using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Import;
using OpenCpts.Web.Infrastructure;

namespace OpenCpts.Tests.Features.Annuaire.Structures;

/// <summary>
/// Structures entered by hand by the Coordination (<c>/annuaire/structures/nouvelle</c>, <c>…/{id}/modifier</c>,
/// <c>…/{id}/fermeture</c>), and what a coordination may change on a FINESS structure. Invented structures and numbers.
/// </summary>
public class StructuresSaisiesTests
{
    private const string Nouvelle = "/annuaire/structures/nouvelle";

    private static Dictionary<string, string> Dac(string nom = "DAC du Cher — Appui Santé Berry") => new()
    {
        ["Nom"] = nom,
        ["CodeCategorie"] = "606",
        ["Voie"] = "12 rue de l'Appui",
        ["CodeCommune"] = "18033",
        ["CodePostal"] = "",
        ["Telephone"] = "02 61 91 00 01",
        ["Email"] = "contact@dac-cher.invalid",
        ["Siret"] = "123 456 782 00010",
        ["Finess"] = "",
    };

    private static int IdDe(HttpResponseMessage reponse)
    {
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var chemin = reponse.Headers.Location!.OriginalString;
        Assert.StartsWith("/annuaire/structures/", chemin, StringComparison.Ordinal);
        return int.Parse(chemin["/annuaire/structures/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A structure of the FINESS import, as the import writes it.</summary>
    private static Task<int> AjouterStructureFinessAsync(OpenCptsApp app, string finess = "189999915", string? telephone = "0261910002") =>
        app.AvecDbAsync(async db =>
        {
            var s = new Structure
            {
                Finess = finess,
                Source = SourcesStructure.Finess,
                CodeCategorie = "355",
                Nom = "CENTRE HOSPITALIER EXEMPLE",
                NomRecherche = "centre hospitalier exemple",
                CodeCommune = "18033",
                CodePostal = "18000",
                LibelleCommune = "BOURGES",
                Telephone = telephone,
            };
            db.Structures.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_coordinator_adds_a_structure_that_FINESS_does_not_list(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var id = IdDe(await client.PosterFormulaireAsync(Nouvelle, Dac()));

        var s = await app.AvecDbAsync(db => db.Structures.SingleAsync(x => x.Id == id));
        Assert.Equal((SourcesStructure.Saisie, (int?)cpts.Id, "606", "dac du cher appui sante berry", "18000", "BOURGES", "0261910001", "12345678200010", (string?)null),
            (s.Source, s.SaisieParCptsId, s.CodeCategorie, s.NomRecherche, s.CodePostal, s.LibelleCommune, s.Telephone, s.Siret, s.Finess));
        var page = await client.PageAsync($"/annuaire/structures/{id}");
        Assert.Contains("Structure ajoutée à l'annuaire.", page);
        Assert.Contains("Dispositif d'appui à la coordination (DAC)", page);
        Assert.Contains("Saisie à la main", page);
        Assert.Contains($"href=\"/annuaire/structures/{id}/fermeture\"", page);
        Assert.Contains($"/annuaire/structures/{id}", await client.PageAsync("/annuaire?vue=structures&q=appui"));
        var audit = await app.AvecDbAsync(db => db.EntreesAudit.SingleAsync(e => e.Ressource == "Structure"));
        Assert.Equal(("Creation", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (audit.Action, audit.RessourceId));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Wrong_values_are_explained_in_French_and_kept_as_typed(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        var saisie = Dac("");
        saisie["CodeCategorie"] = "";
        saisie["CodeCommune"] = "99999";
        saisie["Telephone"] = "12 34";
        saisie["Email"] = "pas-une-adresse";
        saisie["Siret"] = "12345678200011";
        saisie["Finess"] = "180000001";

        var reponse = await client.PosterFormulaireAsync(Nouvelle, saisie);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.TexteAsync();
        Assert.Contains("La structure n'est pas enregistrée", html);
        Assert.Contains("Le nom de la structure est obligatoire.", html);
        Assert.Contains("Choisissez la catégorie de la structure.", html);
        Assert.Contains("Le code INSEE « 99999 » ne correspond à aucune commune.", html);
        Assert.Contains(NumeroTelephone.MessageInvalide, html);
        Assert.Contains("L'adresse e-mail n'est pas valide.", html);
        Assert.Contains(NumeroSiret.MessageInvalide, html);
        Assert.Contains(NumeroFiness.MessageInvalide, html);
        Assert.Contains("value=\"12 34\"", html);
        Assert.Contains("value=\"pas-une-adresse\"", html);
        Assert.Contains("value=\"12345678200011\"", html);
        Assert.Contains("value=\"12 rue de l'Appui\"", html);
        Assert.False(await app.AvecDbAsync(db => db.Structures.AnyAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_FINESS_number_already_in_the_directory_is_refused(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await AjouterStructureFinessAsync(app, finess: "189999915");
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        var saisie = Dac();
        saisie["Finess"] = "18 999 991 5";

        var html = await (await client.PosterFormulaireAsync(Nouvelle, saisie)).TexteAsync();

        Assert.Contains("Une structure de l'annuaire porte déjà ce numéro FINESS", html);
        Assert.Equal(1, await app.AvecDbAsync(db => db.Structures.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordinator_edits_its_structure_and_the_change_is_audited(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        var id = IdDe(await client.PosterFormulaireAsync(Nouvelle, Dac()));
        var saisie = Dac("Service autonomie à domicile du Berry");
        saisie["CodeCategorie"] = "460";
        saisie["Telephone"] = "+33 2 61 91 00 09";

        Assert.Contains("value=\"DAC du Cher — Appui Santé Berry\"", await client.PageAsync($"/annuaire/structures/{id}/modifier"));
        var reponse = await client.PosterFormulaireAsync($"/annuaire/structures/{id}/modifier", saisie);

        Assert.Equal(id, IdDe(reponse));
        var s = await app.AvecDbAsync(db => db.Structures.SingleAsync(x => x.Id == id));
        Assert.Equal(("Service autonomie à domicile du Berry", "460", "0261910009"), (s.Nom, s.CodeCategorie, s.Telephone));
        var audit = await app.AvecDbAsync(db => db.EntreesAudit.Where(e => e.Ressource == "Structure" && e.Action == "Modification").SingleAsync());
        Assert.Equal("Champs : nom, catégorie, téléphone", audit.Detail);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Closing_keeps_the_structure_marked_closed_and_reopening_clears_it(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        var id = IdDe(await client.PosterFormulaireAsync(Nouvelle, Dac()));
        var fermeture = $"/annuaire/structures/{id}/fermeture";

        var fermee = await client.PosterFormulaireAsync(fermeture, new Dictionary<string, string> { ["FermeeLe"] = "2026-11-20" }, fermeture + "?handler=Fermer");
        var pageFermee = await client.PageAsync($"/annuaire/structures/{id}");
        var etatFerme = await app.AvecDbAsync(db => db.Structures.Where(s => s.Id == id).Select(s => new { s.Fermee, s.FermeeLe }).SingleAsync());
        var rouverte = await client.PosterFormulaireAsync(fermeture, new Dictionary<string, string>(), fermeture + "?handler=Rouvrir");

        Assert.Equal(id, IdDe(fermee));
        Assert.Equal((true, (DateOnly?)new DateOnly(2026, 11, 20)), (etatFerme.Fermee, etatFerme.FermeeLe));
        Assert.Contains("Fermée le 20 novembre 2026", pageFermee);
        Assert.Equal(id, IdDe(rouverte));
        var s = await app.AvecDbAsync(db => db.Structures.SingleAsync(x => x.Id == id));
        Assert.Equal((false, (DateOnly?)null), (s.Fermee, s.FermeeLe));
        Assert.Equal(["Fermée le 2026-11-20", "Rouverte"], await app.AvecDbAsync(db => db.EntreesAudit
            .Where(e => e.Ressource == "Structure" && e.Action == "Modification").OrderBy(e => e.Id).Select(e => e.Detail!).ToListAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_closing_date_in_the_future_is_refused_and_kept_as_typed(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        var id = IdDe(await client.PosterFormulaireAsync(Nouvelle, Dac()));
        var fermeture = $"/annuaire/structures/{id}/fermeture";
        var demain = HeureParisDemain(app);

        var reponse = await client.PosterFormulaireAsync(fermeture, new Dictionary<string, string> { ["FermeeLe"] = demain }, fermeture + "?handler=Fermer");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.TexteAsync();
        Assert.Contains("La date de fermeture ne peut pas être dans le futur", html);
        Assert.Contains($"value=\"{demain}\"", html);
        Assert.False(await app.AvecDbAsync(db => db.Structures.Where(s => s.Id == id).Select(s => s.Fermee).SingleAsync()));
    }

    private static string HeureParisDemain(OpenCptsApp app) =>
        OpenCpts.Web.Infrastructure.Temps.HeureParis.Aujourdhui(app.Horloge).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task On_a_FINESS_structure_only_the_phone_and_email_change_by_hand(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var id = await AjouterStructureFinessAsync(app);
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        var saisie = Dac("Autre nom");
        saisie["Telephone"] = "02 61 91 00 07";
        saisie["Email"] = "accueil@ch-exemple.invalid";

        var formulaire = await client.PageAsync($"/annuaire/structures/{id}/modifier");
        var reponse = await client.PosterFormulaireAsync($"/annuaire/structures/{id}/modifier", saisie);
        // The closing page of a FINESS structure has no form: the token comes from the edit form.
        var fermer = await client.PosterFormulaireAsync($"/annuaire/structures/{id}/modifier", new Dictionary<string, string> { ["FermeeLe"] = "2026-11-20" },
            $"/annuaire/structures/{id}/fermeture?handler=Fermer");

        Assert.DoesNotContain("name=\"Nom\"", formulaire);
        Assert.Contains("name=\"Telephone\"", formulaire);
        Assert.Equal(id, IdDe(reponse));
        Assert.Equal(HttpStatusCode.Conflict, fermer.StatusCode);
        Assert.Contains("sa fermeture ou sa réouverture viendra du prochain import FINESS", await fermer.TexteAsync());
        var s = await app.AvecDbAsync(db => db.Structures.SingleAsync(x => x.Id == id));
        Assert.Equal(("CENTRE HOSPITALIER EXEMPLE", "355", "0261910007", "accueil@ch-exemple.invalid", false, SourcesStructure.Finess),
            (s.Nom, s.CodeCategorie, s.Telephone, s.Email, s.Fermee, s.Source));
        Assert.Equal(app.Horloge.GetUtcNow().UtcDateTime, s.ContactSaisiLeUtc);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_FINESS_import_keeps_what_was_entered_by_hand(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("01053", "01004");
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        // The Clinique Convert of the excerpt corrected by hand; the SMUR entered by hand with its FINESS before any import.
        var clinique = await AjouterStructureFinessAsync(app, finess: "010780195", telephone: "0428631234");
        var contact = Dac();
        contact["Telephone"] = "02 61 91 00 03";
        await client.PosterFormulaireAsync($"/annuaire/structures/{clinique}/modifier", contact);
        var smur = Dac("SMUR saisi à la main");
        smur["Finess"] = "010787190";
        var saisie = IdDe(await client.PosterFormulaireAsync(Nouvelle, smur));

        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Features", "Import", "Fixtures", "finess-structures-extrait.json"));
        var resultat = await app.AvecServicesAsync(sp => sp.GetRequiredService<ImportFiness>()
            .ImporterAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), new DemandeImportFiness("finess.json", LanceePar: "tests")));

        var rapport = Assert.IsType<ResultatImportFiness.Termine>(resultat).Rapport;
        Assert.Equal((0L, 1L, 1L), (rapport.Creees, rapport.MisesAJour, rapport.Ignorees));
        Assert.Contains("1 structure(s) saisie(s) à la main", rapport.Message, StringComparison.Ordinal);
        var c = await app.AvecDbAsync(db => db.Structures.SingleAsync(x => x.Id == clinique));
        Assert.Equal(("CLINIQUE DOCTEUR CONVERT", "365", "0261910003", "contact@dac-cher.invalid"), (c.Nom, c.CodeCategorie, c.Telephone, c.Email));
        var s = await app.AvecDbAsync(db => db.Structures.SingleAsync(x => x.Id == saisie));
        Assert.Equal(("SMUR saisi à la main", SourcesStructure.Saisie, false), (s.Nom, s.Source, s.Fermee));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Another_CPTS_sees_a_structure_entered_by_hand_but_cannot_change_it(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var autre = await app.CreerCptsNommeeAsync("CPTS Voisine", "18279");
        var proprietaire = await app.ClientConnecteAsync(Roles.Coordination);
        var id = IdDe(await proprietaire.PosterFormulaireAsync(Nouvelle, Dac()));
        var coordination = await app.CreerUtilisateurAsync(Roles.Coordination, cpts: autre.Id);
        var voisine = await app.ConnecterAsync(coordination.Email!);
        var jeton = await voisine.JetonAntiforgeryAsync(Nouvelle);
        FormUrlEncodedContent Formulaire(Dictionary<string, string> champs) => new(new Dictionary<string, string>(champs) { ["__RequestVerificationToken"] = jeton });

        var fiche = await voisine.GetAsync($"/annuaire/structures/{id}");
        var formulaire = await voisine.GetAsync($"/annuaire/structures/{id}/modifier");
        var modification = await voisine.PostAsync($"/annuaire/structures/{id}/modifier", Formulaire(Dac("Détournée")));
        var fermeture = await voisine.PostAsync($"/annuaire/structures/{id}/fermeture?handler=Fermer", Formulaire(new() { ["FermeeLe"] = "2026-11-20" }));
        var inconnue = await voisine.GetAsync("/annuaire/structures/999999/modifier");

        Assert.Equal(HttpStatusCode.OK, fiche.StatusCode);
        Assert.DoesNotContain($"/annuaire/structures/{id}/modifier", await fiche.TexteAsync());
        Assert.Equal(HttpStatusCode.NotFound, formulaire.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, modification.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fermeture.StatusCode);
        Assert.Equal(inconnue.StatusCode, formulaire.StatusCode);
        Assert.True(await app.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Action == "Refus" && e.Ressource == "Structure"
            && e.RessourceId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.CptsId == autre.Id)) >= 3);
        var s = await app.AvecDbAsync(db => db.Structures.SingleAsync(x => x.Id == id));
        Assert.Equal(("DAC du Cher — Appui Santé Berry", false), (s.Nom, s.Fermee));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Only_the_coordination_may_add_edit_or_close_a_structure(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var id = await AjouterStructureFinessAsync(app);
        var avant = await app.AvecDbAsync(db => db.Structures.AsNoTracking().SingleAsync(x => x.Id == id));

        foreach (var role in Roles.Tous.Where(r => r != Roles.Coordination))
        {
            var client = await app.ClientConnecteAsync(role);
            var champs = new FormUrlEncodedContent(Dac());
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/annuaire/structures/{id}/modifier")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Nouvelle, champs)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/annuaire/structures/{id}/modifier", champs)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/annuaire/structures/{id}/fermeture")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/annuaire/structures/{id}/fermeture?handler=Fermer", champs)).StatusCode);
        }
        var lecteur = await app.ClientConnecteAsync(Roles.Regulation);
        Assert.DoesNotContain($"/annuaire/structures/{id}/modifier", await lecteur.PageAsync($"/annuaire/structures/{id}"));
        Assert.DoesNotContain("/annuaire/structures/nouvelle", await lecteur.PageAsync("/annuaire?vue=structures"));
        var apres = await app.AvecDbAsync(db => db.Structures.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal((avant.Nom, avant.Telephone, avant.Fermee), (apres.Nom, apres.Telephone, apres.Fermee));
        Assert.Equal(1, await app.AvecDbAsync(db => db.Structures.CountAsync()));
    }
}
