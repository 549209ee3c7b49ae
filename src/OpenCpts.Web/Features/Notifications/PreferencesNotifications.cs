using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Notifications;

/// <summary>The choices offered for a kind (a channel, or the e-mail digest).</summary>
public static class ChoixNotification
{
    public const string InApp = "InApp";
    public const string Email = "Email";
    public const string Digest = "Digest";
    public const string Sms = "Sms";

    public static string Libelle(string choix) => choix switch
    {
        InApp => "Dans l'application seulement",
        Email => "E-mail à chaque notification",
        Digest => "Résumé quotidien par e-mail",
        Sms => "SMS",
        _ => choix,
    };

    public static IReadOnlyList<string> Possibles(string type) =>
        TypesNotification.SmsPermis(type) ? [InApp, Email, Digest, Sms] : [InApp, Email, Digest];
}

public sealed record PreferencesCompte(IReadOnlyDictionary<string, string> Choix, string? Telephone);

public abstract record ResultatPreferences
{
    private ResultatPreferences() { }

    public sealed record Enregistrees : ResultatPreferences;
    public sealed record Invalides(ErreursValidation Erreurs) : ResultatPreferences;
}

/// <summary>
/// Reads and saves an account's notification preferences: per kind, in-app only (the default), an e-mail each time,
/// the daily digest, or an SMS where the kind allows it (then a mobile number is required; it is the account's
/// phone number).
/// </summary>
public sealed class PreferencesNotifications(OpenCptsDb db)
{
    public async Task<PreferencesCompte> ChargerAsync(string utilisateurId, CancellationToken ct = default)
    {
        var lignes = await db.Set<PreferenceNotification>().AsNoTracking().Where(p => p.UtilisateurId == utilisateurId).ToListAsync(ct);
        var telephone = await db.Users.Where(u => u.Id == utilisateurId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);
        var choix = TypesNotification.Tous.ToDictionary(t => t, t => lignes.FirstOrDefault(l => l.Type == t) is { } p
            ? p.Canal == CanauxNotification.Email && p.Digest ? ChoixNotification.Digest : p.Canal
            : ChoixNotification.InApp);
        return new PreferencesCompte(choix, telephone);
    }

    public async Task<ResultatPreferences> EnregistrerAsync(string utilisateurId, IReadOnlyDictionary<string, string> choix, string? telephone,
        CancellationToken ct = default)
    {
        var erreurs = new ErreursValidation();
        var retenus = new Dictionary<string, string>();
        foreach (var type in TypesNotification.Tous)
        {
            var c = choix.GetValueOrDefault(type) ?? ChoixNotification.InApp;
            if (!ChoixNotification.Possibles(type).Contains(c))
            {
                erreurs["Choix[" + type + "]"] = [$"« {TypesNotification.Libelle(type)} » : ce choix n'est pas possible."];
                continue;
            }
            retenus[type] = c;
        }
        string? numero = null;
        if (!string.IsNullOrWhiteSpace(telephone))
        {
            numero = NumeroTelephone.Normaliser(telephone);
            if (numero is null)
            {
                erreurs["Telephone"] = [NumeroTelephone.MessageInvalide];
            }
        }
        if (numero is null && !erreurs.ContainsKey("Telephone") && retenus.ContainsValue(ChoixNotification.Sms))
        {
            erreurs["Telephone"] = ["Indiquez un numéro de téléphone mobile pour recevoir des SMS."];
        }
        if (erreurs.Count > 0)
        {
            return new ResultatPreferences.Invalides(erreurs);
        }
        await db.Set<PreferenceNotification>().Where(p => p.UtilisateurId == utilisateurId).ExecuteDeleteAsync(ct);
        db.Set<PreferenceNotification>().AddRange(retenus.Where(r => r.Value != ChoixNotification.InApp).Select(r => new PreferenceNotification
        {
            UtilisateurId = utilisateurId,
            Type = r.Key,
            Canal = r.Value == ChoixNotification.Digest ? CanauxNotification.Email : r.Value,
            Digest = r.Value == ChoixNotification.Digest,
        }));
        var compte = await db.Users.FirstAsync(u => u.Id == utilisateurId, ct);
        compte.PhoneNumber = numero;
        await db.SaveChangesAsync(ct);
        return new ResultatPreferences.Enregistrees();
    }
}
