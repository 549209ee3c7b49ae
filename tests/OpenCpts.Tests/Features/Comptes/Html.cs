using System.Net;
using System.Text.RegularExpressions;

namespace OpenCpts.Tests.Features.Comptes;

/// <summary>Reading pages as a user does: decoded text (Razor encodes accented letters as entities).</summary>
public static partial class Html
{
    public static async Task<string> TexteAsync(this HttpResponseMessage reponse) =>
        WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());

    /// <summary>The decoded inner text of the first element with the id (no nested element of the same name).</summary>
    public static string ElementParId(string html, string id)
    {
        var m = Regex.Match(html, $"<(\\w+)[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[2].Value).Trim() : throw new InvalidOperationException($"No element #{id}");
    }

    [GeneratedRegex("ocpts_[0-9a-f]{48}")]
    public static partial Regex JetonApi();
}
