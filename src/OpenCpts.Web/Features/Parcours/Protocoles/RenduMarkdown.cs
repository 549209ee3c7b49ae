using Ganss.Xss;
using Markdig;

namespace OpenCpts.Web.Features.Parcours.Protocoles;

/// <summary>
/// Turns a protocol's Markdown into HTML that is safe to show as is. Two locks: Markdig with raw HTML disabled
/// (a <c>&lt;script&gt;</c> typed in the text comes out as text), then an allow-list sanitizer as defence in depth
/// (no script, style, iframe or form element, no <c>on*</c>, <c>style</c>, <c>id</c> or <c>class</c> attribute, links
/// only in http, https or mailto). Ids and classes are dropped so that a protocol's text cannot clash with the page's
/// own elements or borrow its styles (a fake "alert" or button). Images must be relative URLs (<c>/parcours/…</c>,
/// <c>documents/2</c>): an image from another host would tell that host who reads the protocol, and when.
/// Thread-safe: registered as a singleton.
/// </summary>
public sealed class RenduMarkdown
{
    private static readonly string[] Balises =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "del", "s", "ins", "mark", "sub", "sup",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code", "kbd", "a", "img", "table", "thead", "tbody", "tfoot",
        "tr", "th", "td", "caption", "figure", "figcaption", "abbr", "input", "span", "div",
    ];

    private static readonly string[] Attributs =
    [
        "href", "title", "src", "alt", "colspan", "rowspan", "start", "type", "checked", "disabled", "align",
    ];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _nettoyeur = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(Balises, StringComparer.OrdinalIgnoreCase),
        AllowedAttributes = new HashSet<string>(Attributs, StringComparer.OrdinalIgnoreCase),
        AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
        UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
        AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
    });

    public RenduMarkdown()
    {
        // Task lists render as disabled checkboxes: keep only those, never a live form control.
        _nettoyeur.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "input" } champ
                && (champ.GetAttribute("type") != "checkbox" || !champ.HasAttribute("disabled")))
            {
                champ.Remove();
            }
        };
        // Images only from the platform itself: a relative URL, not "//host/…" nor any scheme.
        _nettoyeur.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "img" } image && !EstRelative(image.GetAttribute("src")))
            {
                image.Remove();
            }
        };
        // Bootstrap look for tables and images, which Markdig emits bare (set after the allow-list, so kept).
        _nettoyeur.PostProcessNode += (_, e) =>
        {
            switch (e.Node)
            {
                case AngleSharp.Dom.IElement { LocalName: "table" } table:
                    table.SetAttribute("class", "table table-sm table-bordered");
                    break;
                case AngleSharp.Dom.IElement { LocalName: "img" } image:
                    image.SetAttribute("class", "img-fluid");
                    break;
            }
        };
        // External links open outside the platform without giving it the opener.
        _nettoyeur.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } lien
                && lien.GetAttribute("href") is { } href
                && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                lien.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
    }

    // Browsers read "/\host" like "//host": a backslash is never part of a relative image URL here.
    private static bool EstRelative(string? url)
    {
        var u = (url ?? "").Trim();
        return u.Length > 0
            && !u.StartsWith("//", StringComparison.Ordinal)
            && !u.Contains('\\', StringComparison.Ordinal)
            && !u.Contains(':', StringComparison.Ordinal)
            && Uri.TryCreate(u, UriKind.Relative, out _);
    }

    /// <summary>The sanitized HTML of <paramref name="markdown"/> (empty for empty text).</summary>
    public string EnHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var html = Markdown.ToHtml(markdown, _pipeline);
        return _nettoyeur.Sanitize(html);
    }
}
