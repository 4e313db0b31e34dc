using VcSync.Sync.Servers;

namespace VcSync.Tests.Servers;

public sealed class ServerCsvTests
{
    private const string Header = "service_tag,hostname,model,idrac_ip\n";

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var records = CsvReader.Read("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nx,,\"\",y\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b,c", "say \"hi\"", "two\nlines"], records[0].Fields);
        Assert.Equal(1, records[0].Line);
        Assert.Equal(["x", "", "", "y"], records[1].Fields);
        Assert.Equal(3, records[1].Line);
    }

    [Fact]
    public void Rows_are_trimmed_upper_cased_and_blank_fields_are_null()
    {
        var rows = ServerCsv.Parse("\uFEFFService_Tag,hostname,model,idrac_ip\r\n abc1234 ,\"esx01, rack 4\",PowerEdge R750, 10.1.2.3 \r\n\r\nXYZ9876,,,fe80::1\r\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal("ABC1234", rows[0].ServiceTag);
        Assert.Equal("esx01, rack 4", rows[0].Hostname);
        Assert.Equal("PowerEdge R750", rows[0].Model);
        Assert.Equal("10.1.2.3", rows[0].IdracIp);
        Assert.Null(rows[1].Hostname);
        Assert.Null(rows[1].Model);
        Assert.Equal("fe80::1", rows[1].IdracIp);
    }

    [Theory]
    [InlineData(Header + "ABC1234,h,m,10.0.0.1\nDEF5678,h,m\n", 3, "expected 4 fields, found 3")]
    [InlineData(Header + "ABC1234,h,m,10.0.0.1\n ,h,m,10.0.0.2\n", 3, "empty service tag")]
    [InlineData(Header + "ABC-123,h,m,10.0.0.1\n", 2, "invalid service tag 'ABC-123'")]
    [InlineData(Header + "0000000,h,m,10.0.0.1\n", 2, "invalid service tag '0000000'")]
    [InlineData(Header + "ABC1234,h,m,10.0.0.256\n", 2, "invalid iDRAC IP address '10.0.0.256'")]
    [InlineData(Header + "ABC1234,h,m,10.1\n", 2, "invalid iDRAC IP address '10.1'")]
    [InlineData(Header + "ABC1234,h,m,\nDEF5678,h,m,\nabc1234,h,m,\n", 4, "service tag ABC1234 is already on line 2")]
    [InlineData(Header + "ABC1234,\"h,m,\nDEF5678,h,m,\n", 2, "never closed")]
    [InlineData(Header + "ABC1234,h\"x,m,\n", 2, "a quote inside an unquoted field")]
    [InlineData(Header + "ABC1234,\"h\"x,m,\n", 2, "text after a closing quote")]
    [InlineData("tag,hostname,model,idrac_ip\nABC1234,h,m,\n", 1, "expected the header row")]
    [InlineData("", 1, "the file is empty")]
    public void A_bad_row_names_its_line(string csv, int line, string problem)
    {
        var error = Assert.Throws<CsvFormatException>(() => ServerCsv.Parse(csv));

        Assert.Equal(line, error.Line);
        Assert.StartsWith($"line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
