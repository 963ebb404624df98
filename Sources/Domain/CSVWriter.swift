/// Writes CSV as RFC 4180 has it (comma, CRLF, fields quoted when they must be), for files
/// people open in spreadsheets: a text that a spreadsheet would run as a formula is prefixed
/// with an apostrophe (OWASP's advice); numbers pass untouched.
public enum CSVWriter {
    public static func document(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
