using OpenCpts.Web.Infrastructure.Messages.Sms;

namespace OpenCpts.Tests.Infrastructure.Messages;

public class SegmentsSmsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void A_GSM_text_takes_160_characters_in_one_SMS_and_153_per_part_beyond(int longueur, int segments) =>
        Assert.Equal(new DecoupageSms(EncodageSms.Gsm7, segments, longueur), SegmentsSms.Decouper(new string('a', longueur)));

    [Fact]
    public void French_accents_of_the_GSM_alphabet_keep_a_text_in_GSM() =>
        Assert.Equal(EncodageSms.Gsm7, SegmentsSms.Decouper("Rendez-vous confirmé à 11:00, prévenez la CPTS ; où ? ÉèùìòÇ").Encodage);

    [Theory]
    [InlineData(80, 1)]
    [InlineData(81, 2)]
    public void A_character_of_the_extension_table_counts_twice(int euros, int segments)
    {
        var decoupage = SegmentsSms.Decouper(new string('€', euros));
        Assert.Equal((EncodageSms.Gsm7, segments, 2 * euros), (decoupage.Encodage, decoupage.Segments, decoupage.Unites));
    }

    [Fact]
    public void An_escape_pair_is_never_cut_between_two_parts() =>
        // 306 septets would fill two parts of 153, but the '€' (two septets) cannot start at the 153rd: it opens the
        // second part, which then cannot hold the last 'a'.
        Assert.Equal(3, SegmentsSms.Decouper(new string('a', 152) + "€" + new string('a', 152)).Segments);

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void One_character_outside_GSM_makes_it_UCS2_70_characters_then_67_per_part(int longueur, int segments) =>
        Assert.Equal(new DecoupageSms(EncodageSms.Ucs2, segments, longueur), SegmentsSms.Decouper("ê" + new string('a', longueur - 1)));

    [Theory]
    [InlineData(35, 1)]
    [InlineData(36, 2)]
    [InlineData(67, 3)]
    public void A_surrogate_pair_is_never_cut_between_two_parts(int emojis, int segments) =>
        // 33 pairs (66 units) fill a 67-unit part: the 34th goes whole to the next.
        Assert.Equal(segments, SegmentsSms.Decouper(string.Concat(Enumerable.Repeat("😀", emojis))).Segments);

    [Fact]
    public void French_typography_outside_GSM_is_adapted_not_cut()
    {
        var adapte = SegmentsSms.AdapterAuGsm("Hôtel-Dieu, Côte d’Or – «\u00A0l’œuvre\u202F» : Ça… à Noël");

        Assert.Equal("Hotel-Dieu, Cote d'Or - \" l'oeuvre \" : Ça... à Noel", adapte);
        Assert.True(SegmentsSms.EstGsm7(adapte));
    }

    [Fact]
    public void Characters_without_a_GSM_form_are_left_and_counted_in_UCS2()
    {
        var adapte = SegmentsSms.AdapterAuGsm("RDV 😀");

        Assert.Equal("RDV 😀", adapte);
        Assert.Equal(EncodageSms.Ucs2, SegmentsSms.Decouper(adapte).Encodage);
    }
}
