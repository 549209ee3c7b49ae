using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Messages.Sms;

namespace OpenCpts.Tests.Infrastructure.Messages;

public class TexteSmsTests
{
    [Theory]
    [InlineData("0612345678", "+33612345678")]
    [InlineData("07 12 34 56 78", "+33712345678")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("0033 (0)6 12 34 56 78", "+33612345678")]
    [InlineData("0248000000", "+33248000000")]
    [InlineData("0690123456", "+590690123456")]
    [InlineData("0694123456", "+594694123456")]
    [InlineData("0696123456", "+596696123456")]
    [InlineData("0692123456", "+262692123456")]
    [InlineData("0639985566", "+262639985566")]
    [InlineData("12345", null)]
    [InlineData("+44 20 7946 0958", null)]
    public void French_numbers_are_written_in_E164_overseas_mobiles_with_their_own_country_code(string saisie, string? attendu) =>
        Assert.Equal(attendu, NumeroTelephone.VersE164(saisie));

    [Theory]
    [InlineData("06 12 34 56 78", true)]
    [InlineData("0712345678", true)]
    [InlineData("0248000000", false)]
    [InlineData("0912345678", false)]
    [InlineData("0800123456", false)]
    [InlineData("nimporte", false)]
    public void Only_06_and_07_numbers_are_sent_SMS(string saisie, bool mobile) =>
        Assert.Equal(mobile, NumeroTelephone.EstMobile(saisie));

    [Fact]
    public void An_appointment_SMS_says_the_CPTS_the_time_and_the_place_only()
    {
        var texte = TexteSms.RendezVousConfirme("CPTS du Pays Fictif", new DateTime(2026, 7, 1, 8, 15, 0, DateTimeKind.Utc), "Dr Marie FICTIVE",
            "au cabinet, 3 rue de la Paix, 18000 Bourges");

        // 08:15 UTC is 10:15 in Paris in July.
        Assert.Equal("CPTS du Pays Fictif : rendez-vous confirmé le 01/07/2026 10:15 avec Dr Marie FICTIVE, au cabinet, 3 rue de la Paix, "
            + "18000 Bourges. Si vous ne pouvez pas venir, prévenez la CPTS.", texte.Texte);
        Assert.Equal(new DecoupageSms(EncodageSms.Gsm7, 2, texte.Texte.Length), SegmentsSms.Decouper(texte.Texte));
    }

    [Fact]
    public void A_GP_SMS_says_the_CPTS_the_GP_and_his_practice_only()
    {
        var texte = TexteSms.MedecinTraitantAccepte("CPTS du Pays Fictif", "Dr Luc FICTIF", "3 rue de la Paix 18000 Bourges", "0199001234");

        Assert.Equal("CPTS du Pays Fictif : Dr Luc FICTIF accepte de devenir votre médecin traitant. "
            + "Prenez rendez-vous au cabinet, 3 rue de la Paix 18000 Bourges, tél. 0199001234.", texte.Texte);
        Assert.Equal(EncodageSms.Gsm7, SegmentsSms.Decouper(texte.Texte).Encodage);
    }

    [Fact]
    public void An_SMS_message_can_only_be_made_from_a_TexteSms()
    {
        var sms = Message.Sms("0612345678", TexteSms.MedecinTraitantAccepte("CPTS", "Dr A", null, null));

        Assert.Equal((CanauxMessage.Sms, "0612345678", "Votre médecin traitant"), (sms.Canal, sms.Destinataire, sms.Sujet));
        Assert.True(sms.TexteSmsControle);
        Assert.False(new Message(CanauxMessage.Sms, "0612345678", "Sujet", "Texte libre").TexteSmsControle);
    }
}
