using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using Xunit;

namespace NotebookRunner.Tests.Documents;

public sealed class MimeBundleTests
{
    [Fact]
    public void Json_types_are_stored_parsed_and_read_back_as_text()
    {
        var bundle = new MimeBundle();
        bundle.SetFormatted("application/json", """{ "a": [1, 2.0], "é": "<b>" }""");
        bundle.SetFormatted("application/vnd.dataresource+json", "[1]");
        bundle.SetFormatted("text/html", "<b>x</b>");

        Assert.IsType<JsonObject>(bundle.GetRaw("application/json"));
        Assert.IsType<JsonArray>(bundle.GetRaw("application/vnd.dataresource+json"));
        Assert.True(bundle.TryGetText("application/json", out var json));
        Assert.Equal("""{"a":[1,2.0],"é":"<b>"}""", json);
        Assert.True(bundle.TryGetText("text/html", out var html));
        Assert.Equal("<b>x</b>", html);
        Assert.False(bundle.TryGetText("image/png", out _));
        Assert.Equal(3, bundle.Count);
        Assert.True(bundle.Contains("text/html"));
        Assert.Equal(["application/json", "application/vnd.dataresource+json", "text/html"], bundle.MimeTypes);
    }

    [Fact]
    public void Set_replaces_and_remove_deletes()
    {
        var bundle = new MimeBundle();
        bundle.SetText("text/plain", "a");
        bundle.SetText("text/plain", "b");

        Assert.Equal(1, bundle.Count);
        Assert.True(bundle.TryGetText("text/plain", out var text));
        Assert.Equal("b", text);
        Assert.True(bundle.Remove("text/plain"));
        Assert.Equal(0, bundle.Count);
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/vnd.plotly.v1+json", true)]
    [InlineData("text/json", false)]
    [InlineData("application/jsonx", false)]
    public void Json_mime_detection_matches_nbformat(string mime, bool isJson)
    {
        Assert.Equal(isJson, MimeTypes.IsJson(mime));
    }
}
