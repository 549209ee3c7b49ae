using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.Parcours.Sorties;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Parcours.Equipe;

public class FilEquipeTests
{
    private static async Task<string> TexteAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_message_is_refused_before_the_patients_consent_with_the_text_kept(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: false, s.Infirmiere);
        var infirmiere = await s.ProAsync(s.Infirmiere);

        var reponse = await infirmiere.PublierAsync(patient, "Pansement refait, cicatrice propre.");

        Assert.Equal(HttpStatusCode.Conflict, reponse.StatusCode);
        var html = await TexteAsync(reponse);
        Assert.Contains("le consentement du patient au partage d'informations dans son équipe n'est pas enregistré", html, StringComparison.Ordinal);
        Assert.Contains("Pansement refait, cicatrice propre.</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(0, await s.App.AvecDbAsync(db => db.MessagesEquipe.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_team_member_posts_a_message_with_a_pdf_and_a_png_that_members_download_as_attachments(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: true, s.Infirmiere, s.Medecin);
        var infirmiere = await s.ProAsync(s.Infirmiere);

        var reponse = await infirmiere.PublierAsync(patient, "Compte rendu de passage et photo de la plaie.",
            ("compte-rendu.pdf", "application/pdf", FilEquipeDeTest.Pdf), ("plaie.png", "image/png", FilEquipeDeTest.Png));
        var pieces = await s.App.AvecDbAsync(db => db.PiecesJointes.OrderBy(p => p.Id).ToListAsync());
        var medecin = await s.ProAsync(s.Medecin);
        var telechargement = await medecin.GetAsync($"/parcours/patients/{patient}/pieces/{pieces[0].Id}");
        var intrus = await (await s.ProAsync(s.HorsEquipe)).GetAsync($"/parcours/patients/{patient}/pieces/{pieces[0].Id}");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(["compte-rendu.pdf", "plaie.png"], pieces.Select(p => p.NomFichier));
        Assert.Equal(HttpStatusCode.OK, telechargement.StatusCode);
        Assert.Equal(FilEquipeDeTest.Pdf, await telechargement.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", telechargement.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", telechargement.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", telechargement.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, intrus.StatusCode);
        var audit = await s.App.AvecDbAsync(db => db.EntreesAudit.Where(e => e.Ressource == "PieceJointe").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["Lecture", "Refus"], audit);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_file_over_5_MB_is_refused_with_a_clear_message_and_the_text_kept(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: true, s.Infirmiere);
        var infirmiere = await s.ProAsync(s.Infirmiere);
        var gros = new byte[5 * 1024 * 1024 + 1];
        FilEquipeDeTest.Pdf.CopyTo(gros, 0);

        var reponse = await infirmiere.PublierAsync(patient, "Scanner complet en pièce jointe.", ("scanner.pdf", "application/pdf", gros));

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        var html = await TexteAsync(reponse);
        Assert.Contains("« scanner.pdf » dépasse la taille maximale de 5 Mo", html, StringComparison.Ordinal);
        Assert.Contains("Scanner complet en pièce jointe.</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(0, await s.App.AvecDbAsync(db => db.MessagesEquipe.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Three_files_of_5_MB_fit_in_the_request_limit_of_the_upload_form(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: true, s.Infirmiere);
        var infirmiere = await s.ProAsync(s.Infirmiere);
        var cinqMo = new byte[5 * 1024 * 1024];
        FilEquipeDeTest.Pdf.CopyTo(cinqMo, 0);

        var reponse = await infirmiere.PublierAsync(patient, "Trois comptes rendus.",
            ("a.pdf", "application/pdf", cinqMo), ("b.pdf", "application/pdf", cinqMo), ("c.pdf", "application/pdf", cinqMo));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal([cinqMo.Length, cinqMo.Length, cinqMo.Length], await s.App.AvecDbAsync(db => db.PiecesJointes.Select(p => p.Taille).ToListAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task More_than_3_files_are_refused(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: true, s.Infirmiere);
        var infirmiere = await s.ProAsync(s.Infirmiere);
        var fichiers = Enumerable.Range(1, 4).Select(i => ($"ordonnance-{i}.pdf", "application/pdf", FilEquipeDeTest.Pdf)).ToArray();

        var reponse = await infirmiere.PublierAsync(patient, "Les ordonnances de sortie.", fichiers);

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        var html = await TexteAsync(reponse);
        Assert.Contains("3 fichiers au plus par message (4 envoyés).", html, StringComparison.Ordinal);
        Assert.Contains("Les ordonnances de sortie.</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(0, await s.App.AvecDbAsync(db => db.PiecesJointes.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_html_file_and_an_executable_renamed_pdf_are_refused(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: true, s.Infirmiere);
        var infirmiere = await s.ProAsync(s.Infirmiere);

        var html = await infirmiere.PublierAsync(patient, "Voir la page jointe.", ("page.html", "text/html", "<script>alert(1)</script>"u8.ToArray()));
        var exe = await infirmiere.PublierAsync(patient, "Voir le document joint.", ("document.pdf", "application/pdf", FilEquipeDeTest.Exe));

        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.Contains("« page.html » n'est pas accepté : seuls les fichiers PDF, PNG et JPEG peuvent être joints.", await TexteAsync(html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        var texteExe = await TexteAsync(exe);
        Assert.Contains("« document.pdf » n'est pas un vrai fichier PDF", texteExe, StringComparison.Ordinal);
        Assert.Contains("Voir le document joint.</textarea>", texteExe, StringComparison.Ordinal);
        Assert.Equal(0, await s.App.AvecDbAsync(db => db.MessagesEquipe.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Opening_the_thread_marks_the_messages_read_once_and_each_shows_who_read_it(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: true, s.Infirmiere, s.Medecin);
        var infirmiere = await s.ProAsync(s.Infirmiere);
        await infirmiere.PublierAsync(patient, "Passage ce matin, tout va bien.");
        var message = await s.App.AvecDbAsync(db => db.MessagesEquipe.Select(m => m.Id).SingleAsync());
        var medecin = await s.App.ClientConnecteAsync(Roles.Professionnel, u => { u.ProfessionnelId = s.Medecin; u.NomAffiche = "Dr Marc Généraliste"; });

        var avant = await infirmiere.PageAsync($"/parcours/patients/{patient}");
        await medecin.PageAsync($"/parcours/patients/{patient}");
        s.App.Horloge.Advance(TimeSpan.FromHours(2));
        await medecin.PageAsync($"/parcours/patients/{patient}");
        var apres = await infirmiere.PageAsync($"/parcours/patients/{patient}");

        Assert.Contains("Pas encore lu", Message(avant, message), StringComparison.Ordinal);
        Assert.Contains("Lu par Dr Marc Généraliste", Message(apres, message), StringComparison.Ordinal);
        var lectures = await s.App.AvecDbAsync(db => db.LecturesMessage.ToListAsync());
        var lecture = Assert.Single(lectures);
        Assert.Equal(new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc), lecture.LuLeUtc);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_message_over_4000_characters_is_refused(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: true, s.Infirmiere);
        var infirmiere = await s.ProAsync(s.Infirmiere);

        var reponse = await infirmiere.PublierAsync(patient, new string('a', 4001));

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        Assert.Contains("Le message ne doit pas dépasser 4000 caractères (il en fait 4001).", await TexteAsync(reponse), StringComparison.Ordinal);
    }

    private static string Message(string page, long id)
    {
        var debut = page.IndexOf($"data-message=\"{id.ToString(CultureInfo.InvariantCulture)}\"", StringComparison.Ordinal);
        Assert.True(debut >= 0, "message not on the page");
        return page[debut..page.IndexOf("</li>", debut, StringComparison.Ordinal)];
    }
}
