using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Tests.Infrastructure.Validation;

/// <summary>One error shape, two ways out (pages and APIs), one reading of API dates.</summary>
public class ValidationTests
{
    private static readonly ErreursValidation Erreurs = new()
    {
        ["Patient.DateNaissance"] = ["La date de naissance est obligatoire (AAAA-MM-JJ)."],
        ["contact.email"] = ["L'adresse e-mail n'est pas valide.", "Elle est trop longue."],
        ["CommuneInsee"] = ["La commune est obligatoire."],
        [""] = ["Rien n'est enregistré."],
    };

    [Fact]
    public void A_page_gets_each_field_under_its_property_name_with_its_messages_joined()
    {
        var modelState = new ModelStateDictionary();

        modelState.AjouterErreurs(Erreurs, prefixe: "Saisie", champs: new Dictionary<string, string> { ["CommuneInsee"] = "Commune" });

        Assert.Equal(["", "Saisie.Commune", "Saisie.Contact.Email", "Saisie.Patient.DateNaissance"], modelState.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("L'adresse e-mail n'est pas valide. Elle est trop longue.", Assert.Single(modelState["Saisie.Contact.Email"]!.Errors).ErrorMessage);
    }

    [Fact]
    public void A_field_the_model_binder_already_rejected_keeps_its_own_message()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Patient.DateNaissance", "La date de naissance n'est pas valide.");

        modelState.AjouterErreurs(Erreurs);

        Assert.Equal("La date de naissance n'est pas valide.", Assert.Single(modelState["Patient.DateNaissance"]!.Errors).ErrorMessage);
    }

    [Fact]
    public void An_API_gets_a_400_problem_keyed_by_JSON_names()
    {
        var probleme = new ErreursValidation { ["Ins"] = ["clé"], ["DateNaissance"] = ["format"] }.EnProbleme("Inscription invalide", prefixe: "Patient");

        Assert.Equal(StatusCodes.Status400BadRequest, probleme.StatusCode);
        Assert.Equal("Inscription invalide", probleme.ProblemDetails.Title);
        Assert.Equal(["patient.dateNaissance", "patient.ins"], probleme.ProblemDetails.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Adding_errors_keeps_a_field_that_already_has_one()
    {
        var lecture = new ErreursValidation { ["Patient.DateNaissance"] = ["La date de naissance doit être au format AAAA-MM-JJ."] };

        lecture.AjouterTout(new ErreursValidation { ["DateNaissance"] = ["obligatoire"], ["Nom"] = ["obligatoire"] }, "Patient");

        Assert.Equal(["La date de naissance doit être au format AAAA-MM-JJ."], lecture["Patient.DateNaissance"]);
        Assert.Equal(["obligatoire"], lecture["Patient.Nom"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_API_date_is_absent_not_wrong(string? valeur)
    {
        var erreurs = new ErreursValidation();

        Assert.Null(LectureApi.Date(valeur, "debut", "La date de début", erreurs));
        Assert.Null(LectureApi.InstantUtc(valeur, "from", "La date de début", erreurs));
        Assert.Empty(erreurs);
    }

    [Fact]
    public void API_dates_are_read_as_AAAA_MM_JJ_and_instants_as_ISO_8601_in_UTC()
    {
        var erreurs = new ErreursValidation();

        Assert.Equal(new DateOnly(2026, 11, 23), LectureApi.Date(" 2026-11-23 ", "debut", "La date de début", erreurs));
        Assert.Equal(new DateTime(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc), LectureApi.InstantUtc("2026-11-23T08:00:00+01:00", "from", "La date de début", erreurs));
        Assert.Equal(new DateTime(2026, 11, 23, 8, 0, 0), LectureApi.InstantUtc("2026-11-23T08:00:00", "from", "La date de début", erreurs));
        Assert.Empty(erreurs);
    }

    [Fact]
    public void An_unreadable_API_date_adds_one_French_message_under_its_field()
    {
        var erreurs = new ErreursValidation();

        LectureApi.Date("23/11/2026", "Patient.DateNaissance", "La date de naissance", erreurs);
        LectureApi.InstantUtc("demain", "to", "La date de fin", erreurs);

        Assert.Equal(["La date de naissance doit être au format AAAA-MM-JJ."], erreurs["Patient.DateNaissance"]);
        Assert.StartsWith("La date de fin doit être au format ISO 8601", Assert.Single(erreurs["to"]), StringComparison.Ordinal);
    }
}
