using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Server.Api.Ingestion;
using Xunit;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// The shortcut that skips parsing plain decimals must agree with parsing them, above all at the overflow edge:
/// the reference is .NET's own double parse (finite or not) of the same text.
/// </summary>
public sealed class JsonNumberTests
{
    private static bool Reference(string token) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value);

    private static bool Fits(string token)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(token));
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.Number, reader.TokenType);
        return JsonNumber.FitsDouble(ref reader);
    }

    public static TheoryData<string> Edges()
    {
        var max = double.MaxValue.ToString("F0", CultureInfo.InvariantCulture); // 309 digits
        return new TheoryData<string>
        {
            "0", "-0", "0.5", "-12.25", "1e308", "1.7976931348623157e308", "1.8e308", "1e999", "-1e999", "1E400",
            "2E-400", "1e-999", max, "-" + max, max + ".5", "2" + max[1..], "-2" + max[1..], "1" + new string('0', 309),
            "9" + new string('9', 298), "0." + new string('0', 500) + "1", "1" + new string('0', 298) + ".5",
        };
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public void Agrees_with_parsing_at_the_edges(string token) => Assert.Equal(Reference(token), Fits(token));

    [Fact]
    public void Agrees_with_parsing_on_random_numbers_of_every_length_and_form()
    {
        var random = new Random(17);
        var disagreements = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var digits = random.Next(1, 420);
            var text = new StringBuilder(random.Next(2) == 0 ? "-" : "");
            text.Append((char)('1' + random.Next(9)));
            for (var d = 1; d < digits; d++)
            {
                text.Append((char)('0' + random.Next(10)));
            }

            if (random.Next(3) == 0)
            {
                text.Append('.').Append(random.Next(1_000_000).ToString(CultureInfo.InvariantCulture));
            }

            if (random.Next(3) == 0)
            {
                text.Append(random.Next(2) == 0 ? 'e' : 'E').Append(random.Next(-700, 700).ToString(CultureInfo.InvariantCulture));
            }

            var token = text.ToString();
            if (Reference(token) != Fits(token))
            {
                disagreements.Add(token);
            }
        }

        Assert.Empty(disagreements);
    }
}
