using Microsoft.DotNet.Interactive.Connection;
using NotebookRunner.Kernel;

namespace NotebookRunner.Tests.Kernel;

public sealed class KernelEventTests
{
    // An event of a magic command an extension added: the envelope names a command type only that extension knows.
    private const string ExtensionEvent = """
        {"event":{"formattedValues":[{"mimeType":"text/plain","value":"Hello, Pkg!","suppressDisplay":false}],"valueId":"120c86b9"},"eventType":"DisplayedValueProduced","command":{"token":"cell-2.1","commandType":"HelloCommand","command":{"name":"Pkg","targetKernelName":"csharp","originUri":null,"destinationUri":null},"routingSlip":[]},"routingSlip":[]}
        """;

    [Fact]
    public void An_event_is_read_with_its_type_token_and_the_token_of_the_cell_it_belongs_to()
    {
        var parsed = KernelEvent.TryParse(ExtensionEvent)!;

        Assert.Equal("DisplayedValueProduced", parsed.Type);
        Assert.Equal("cell-2.1", parsed.Token);
        Assert.Equal("cell-2", parsed.RootToken);
        Assert.Equal("HelloCommand", parsed.CommandType);
        Assert.Equal("120c86b9", parsed.GetString("valueId"));
        Assert.False(parsed.Ends("cell-2"));
    }

    [Fact]
    public void The_official_envelope_reader_throws_for_events_of_commands_it_does_not_know_which_is_why_events_are_read_raw()
    {
        Assert.Throws<KeyNotFoundException>(() => KernelEventEnvelope.Deserialize(ExtensionEvent));
        Assert.NotNull(KernelEvent.TryParse(ExtensionEvent));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Welcome to .NET Interactive!")]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"no\": \"eventType\"}")]
    public void Anything_that_is_not_an_event_envelope_is_not_an_event(string line) => Assert.Null(KernelEvent.TryParse(line));

    [Fact]
    public void Only_the_end_of_the_command_itself_ends_a_cell()
    {
        var child = KernelEvent.TryParse("""{"event":{},"eventType":"CommandFailed","command":{"token":"cell-3.1","commandType":"SubmitCode"}}""")!;
        var root = KernelEvent.TryParse("""{"event":{"message":"x"},"eventType":"CommandFailed","command":{"token":"cell-3","commandType":"SubmitCode"}}""")!;

        Assert.False(child.Ends("cell-3"));
        Assert.True(root.Ends("cell-3"));
        Assert.False(root.Ends("cell-30"));
    }

    [Fact]
    public void Commands_are_the_envelopes_VS_Code_sends()
    {
        var submit = KernelCommands.SubmitCode("cell-1", "1+1", "csharp");

        Assert.Equal("""{"token":"cell-1","commandType":"SubmitCode","command":{"code":"1+1","parameters":{},"targetKernelName":"csharp","originUri":null,"destinationUri":null},"routingSlip":[]}""", submit);
        Assert.Contains("\"commandType\":\"Cancel\"", KernelCommands.Cancel("cancel-1"));
    }
}
