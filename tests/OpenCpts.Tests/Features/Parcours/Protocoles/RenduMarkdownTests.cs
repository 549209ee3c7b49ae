using AngleSharp.Html.Parser;
using OpenCpts.Web.Features.Parcours.Protocoles;

namespace OpenCpts.Tests.Features.Parcours.Protocoles;

public class RenduMarkdownTests
{
    private static readonly RenduMarkdown Rendu = new();

    private static AngleSharp.Dom.IDocument Html(string markdown) => new HtmlParser().ParseDocument(Rendu.EnHtml(markdown));

    [Fact]
    public void A_script_typed_in_the_markdown_is_shown_as_text_not_as_a_script_element()
    {
        var html = Rendu.EnHtml("Avant\n\n<script>alert('x')</script>\n\nAprès <script src=\"https://exemple.invalid/x.js\"></script>");
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_javascript_link_gives_no_javascript_href()
    {
        var document = Html("[x](javascript:alert(1)) [y](JaVaScRiPt:alert(2)) <javascript:alert(3)> [z](&#106;avascript:alert(4)) ![i](javascript:alert(5))");

        var urls = document.QuerySelectorAll("[href], [src]").SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src") }).OfType<string>().ToList();
        Assert.DoesNotContain(urls, u => u.Contains("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_image_with_onerror_gives_no_event_attribute()
    {
        var document = Html("<img src=x onerror=alert(1)>\n\n![photo](x.png \"t\" onerror=alert(2))\n\n[lien](https://exemple.invalid/ \"a\" onmouseover=alert(3))");

        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(document.QuerySelectorAll("img[src='x']"));
    }

    [Fact]
    public void Styles_iframes_and_forms_are_not_rendered()
    {
        var document = Html("<style>body{display:none}</style>\n\n<iframe src=\"https://exemple.invalid\"></iframe>\n\n<form action=\"/x\"><input name=a></form>\n\n- [x] fait");

        Assert.Empty(document.QuerySelectorAll("style, iframe, form, [style]"));
        Assert.All(document.QuerySelectorAll("input"), i => Assert.Equal(("checkbox", true), (i.GetAttribute("type"), i.HasAttribute("disabled"))));
    }

    [Fact]
    public void Headings_lists_tables_bold_and_safe_links_still_render()
    {
        var document = Html("""
            ## Surveillance

            1. **Pesée** chaque matin
            2. Tension

            - Sel
            - Eau

            | Signe | Conduite |
            | --- | --- |
            | +2 kg | Appeler le *médecin* |

            Voir [la HAS](https://www.has-sante.fr/) ou [écrire](mailto:contact@exemple.invalid).
            """);

        Assert.Equal("Surveillance", document.QuerySelector("h2")?.TextContent);
        Assert.Equal(2, document.QuerySelectorAll("ol > li").Length);
        Assert.Equal(2, document.QuerySelectorAll("ul > li").Length);
        Assert.Equal("Pesée", document.QuerySelector("strong")?.TextContent);
        Assert.Equal("Appeler le médecin", document.QuerySelector("table tbody td:last-child")?.TextContent);
        Assert.Equal("médecin", document.QuerySelector("td em")?.TextContent);
        Assert.Equal(["https://www.has-sante.fr/", "mailto:contact@exemple.invalid"], document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("noopener noreferrer nofollow", document.QuerySelector("a")?.GetAttribute("rel"));
    }

    [Fact]
    public void Ids_classes_and_images_from_other_hosts_are_dropped()
    {
        var document = Html("""
            ## Titre {#contenu .alert .alert-danger}

            Texte {.btn .btn-primary}

            ![local](/parcours/protocoles/1/documents/2) ![relatif](schema.png) ![ailleurs](https://traceur.exemple.invalid/pixel.png)
            ![sans schéma](//traceur.exemple.invalid/p.png) ![http](http://traceur.exemple.invalid/p.png)

            | a |
            | - |
            | b |
            """);

        Assert.Empty(document.QuerySelectorAll("[id]"));
        Assert.DoesNotContain(document.All, e => e.ClassList.Any(c => c.StartsWith("alert", StringComparison.Ordinal) || c.StartsWith("btn", StringComparison.Ordinal)));
        Assert.Equal(["/parcours/protocoles/1/documents/2", "schema.png"], document.QuerySelectorAll("img").Select(i => i.GetAttribute("src")));
        // The platform's own look stays.
        Assert.Equal("table table-sm table-bordered", document.QuerySelector("table")?.GetAttribute("class"));
        Assert.Equal("img-fluid", document.QuerySelector("img")?.GetAttribute("class"));
    }

    [Fact]
    public void Empty_content_renders_nothing() =>
        Assert.Equal("", Rendu.EnHtml("  \n "));
}
