using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;

namespace OpenCpts.Tests.Features.MedecinTraitant.Demandes;

public class InscriptionPubliqueTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_patient_registers_without_an_account_and_gets_his_reference(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var client = app.Client();

        var reponse = await client.PosterInscriptionPubliqueAsync(ListeAttenteMt.FormulairePublic());

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.TexteAsync();
        var reference = Html.ElementParId(html, "reference");
        Assert.Matches(new Regex(@"^MT-2026-\d{6}$"), reference);
        var d = await app.AvecDbAsync(db => db.DemandesMedecinTraitant.SingleAsync());
        Assert.Equal(reference, d.Reference);
        Assert.Equal(OriginesDemandeMt.FormulairePublic, d.Origine);
        Assert.Equal("fontaine aubry maelle", d.NomNormalise);
        Assert.Equal("0639980012", d.Telephone);
        Assert.Equal(CriteresPriorite.Ald, d.Criteres);
        Assert.Equal(app.Horloge.GetUtcNow().UtcDateTime, d.ConsentementLeUtc);
        var h = await app.AvecDbAsync(db => db.HistoriqueDemandesMt.SingleAsync());
        Assert.Equal((d.Id, StatutsDemandeMt.EnAttente, (string?)null), (h.DemandeMedecinTraitantId, h.NouveauStatut, h.AncienStatut));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Each_bad_input_gets_a_clear_French_error_and_stores_nothing(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var client = app.Client();
        var cas = new (string Champ, string Valeur, string Message)[]
        {
            ("Nom", "", "Le nom est obligatoire."),
            ("Prenom", "", "Le prénom est obligatoire."),
            ("DateNaissance", "", "La date de naissance est obligatoire"),
            ("DateNaissance", "2027-01-01", "La date de naissance ne peut pas être dans le futur."),
            ("DateNaissance", "pas-une-date", "La date de naissance n'est pas valide"),
            ("Nom", new string('A', 10_000), "Le nom ne doit pas dépasser 100 caractères."),
            ("Prenom", "<script>alert(1)</script>", "Le prénom ne peut contenir que des lettres"),
            ("Telephone", "12", "numéro français à 10 chiffres"),
            ("Commune", "75056", "commune du territoire de la CPTS"),
            ("Sexe", "X", "Le sexe doit être F, M ou I."),
            ("CriteresChoisis", "<b>VIP</b>", "Critère inconnu"),
            ("Consentement", "false", "Votre accord pour être contacté est nécessaire"),
        };
        foreach (var (champ, valeur, message) in cas)
        {
            var champs = ListeAttenteMt.FormulairePublic();
            champs[champ] = valeur;

            var reponse = await client.PosterInscriptionPubliqueAsync(champs);

            Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
            var html = await reponse.TexteAsync();
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Contains("Votre demande n'est pas enregistrée", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", await reponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.CountAsync()));
        Assert.Equal(0, await app.AvecDbAsync(db => db.HistoriqueDemandesMt.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_wrong_answer_to_the_question_is_refused_and_stores_nothing(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);

        var reponse = await app.Client().PosterInscriptionPubliqueAsync(ListeAttenteMt.FormulairePublic(), reponse: "1000");

        Assert.Contains(InscriptionModel.MessageDefi, await reponse.TexteAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_expired_question_is_refused(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var client = app.Client();
        var html = await client.GetStringAsync("/medecin-traitant/inscription");
        app.Horloge.Advance(TimeSpan.FromMinutes(31));

        // The helper reads a fresh form; post the stale token instead.
        var jeton = Regex.Match(html, "name=\"JetonDefi\" value=\"([^\"]+)\"").Groups[1].Value;
        var q = ListeAttenteMt.Question().Match(WebUtility.HtmlDecode(html));
        var champs = ListeAttenteMt.FormulairePublic();
        champs["JetonDefi"] = WebUtility.HtmlDecode(jeton);
        champs["ReponseDefi"] = (int.Parse(q.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + int.Parse(q.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        champs["__RequestVerificationToken"] = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var reponse = await client.PostAsync("/medecin-traitant/inscription", new FormUrlEncodedContent(champs));

        Assert.Contains(InscriptionModel.MessageDefi, await reponse.TexteAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_filled_honeypot_stores_nothing(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var champs = ListeAttenteMt.FormulairePublic();
        champs["SiteWeb"] = "http://spam.example";

        var reponse = await app.Client().PosterInscriptionPubliqueAsync(champs);

        Assert.Contains("Votre demande n'a pas pu être enregistrée.", await reponse.TexteAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Submissions_beyond_the_hourly_limit_of_an_address_are_refused_with_429(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur, inscriptionsParHeure: 2);
        var client = app.Client();
        var champs = ListeAttenteMt.FormulairePublic();
        champs["Nom"] = "";

        Assert.Equal(HttpStatusCode.OK, (await client.PosterInscriptionPubliqueAsync(champs)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PosterInscriptionPubliqueAsync(champs)).StatusCode);
        var troisieme = await client.PosterInscriptionPubliqueAsync(ListeAttenteMt.FormulairePublic());

        Assert.Equal(HttpStatusCode.TooManyRequests, troisieme.StatusCode);
        Assert.Contains("Trop de demandes", await troisieme.TexteAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.CountAsync()));
        // Showing the form stays possible.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/medecin-traitant/inscription")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_question_answered_once_cannot_be_answered_again(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var client = app.Client();
        var html = await client.GetStringAsync("/medecin-traitant/inscription");
        var q = ListeAttenteMt.Question().Match(WebUtility.HtmlDecode(html));
        var champs = ListeAttenteMt.FormulairePublic();
        champs["__RequestVerificationToken"] = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        champs["JetonDefi"] = WebUtility.HtmlDecode(Regex.Match(html, "name=\"JetonDefi\" value=\"([^\"]+)\"").Groups[1].Value);
        champs["ReponseDefi"] = (int.Parse(q.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + int.Parse(q.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var premier = await client.PostAsync("/medecin-traitant/inscription", new FormUrlEncodedContent(champs));
        champs["Prenom"] = "Rejoué";
        var rejeu = await client.PostAsync("/medecin-traitant/inscription", new FormUrlEncodedContent(champs));

        Assert.Contains("Votre demande est enregistrée.", await premier.TexteAsync(), StringComparison.Ordinal);
        Assert.Contains(InscriptionModel.MessageDefi, await rejeu.TexteAsync(), StringComparison.Ordinal);
        Assert.Equal(["Maëlle"], await app.AvecDbAsync(db => db.DemandesMedecinTraitant.Select(d => d.Prenom).ToListAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Past_the_global_hourly_cap_the_form_refuses_and_tells_the_coordination_once(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur, inscriptionsParHeureTotal: 2);
        var coordination = await app.CreerUtilisateurAsync(Roles.Coordination);
        var client = app.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.PosterInscriptionPubliqueAsync(ListeAttenteMt.FormulairePublic())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PosterInscriptionPubliqueAsync(ListeAttenteMt.FormulairePublic())).StatusCode);
        var refus = await client.PosterInscriptionPubliqueAsync(ListeAttenteMt.FormulairePublic());
        var encore = await client.PosterInscriptionPubliqueAsync(ListeAttenteMt.FormulairePublic());

        Assert.Equal(HttpStatusCode.TooManyRequests, refus.StatusCode);
        Assert.Contains(PlafondInscriptionsPubliques.MessageRefus, await refus.TexteAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, encore.StatusCode);
        Assert.Equal(2, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.CountAsync()));
        var alerte = Assert.Single(await app.AvecDbAsync(db => db.MessagesSortants.ToListAsync()));
        Assert.Equal(coordination.Email, alerte.Destinataire);
        Assert.Contains("plafond de 2 par heure est atteint", alerte.Texte, StringComparison.Ordinal);
        Assert.DoesNotContain("Fontaine", alerte.Texte + alerte.Sujet, StringComparison.OrdinalIgnoreCase);
        // An hour later on the platform clock, the form takes registrations again.
        app.Horloge.Advance(TimeSpan.FromMinutes(61));
        Assert.Contains("Votre demande est enregistrée.", await (await client.PosterInscriptionPubliqueAsync(ListeAttenteMt.FormulairePublic())).TexteAsync(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Two_IPv6_addresses_of_the_same_64_share_the_per_address_limit(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur, inscriptionsParHeure: 1,
            parametres: new Dictionary<string, string?> { ["OpenCpts:ProxiesConnus"] = "10.0.0.1" });

        async Task<HttpStatusCode> DepuisAsync(string adresse)
        {
            var client = app.Client();
            // Relayed by the known proxy, which gives the browser's address.
            client.DefaultRequestHeaders.Add(AdresseClient.Entete, "10.0.0.1");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", adresse);
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            return (await client.PosterInscriptionPubliqueAsync(ListeAttenteMt.FormulairePublic())).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await DepuisAsync("2001:db8:1:2::10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await DepuisAsync("2001:db8:1:2:ffff:ffff:ffff:1"));
        Assert.Equal(HttpStatusCode.OK, await DepuisAsync("2001:db8:1:3::10"));
        Assert.Equal(HttpStatusCode.OK, await DepuisAsync("192.0.2.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await DepuisAsync("::ffff:192.0.2.1"));
    }
}
