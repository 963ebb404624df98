import Foundation

/// A partner's list of beneficiaries to nominate at once, read from a CSV file.
///
/// The first record names the columns (in any order, case and spaces ignored): `name` and
/// `language` are required, `email`, `delivery` and `note` optional. Fields follow RFC 4180
/// (double quotes around fields with separators, quotes or line breaks; `""` for a quote);
/// the separator is a comma, or a semicolon when the header uses semicolons (as spreadsheets
/// set to Italian write them). A byte-order mark and blank lines are ignored.
///
/// Every row is checked like the one-voucher form; nothing is returned unless every row is
/// valid, and every problem is reported with its row (as a spreadsheet numbers it: the header
/// is row 1) and column.
public enum NominationCSV {
    public static let columns = ["name", "email", "language", "delivery", "note"]
    public static let requiredColumns: Set<String> = ["name", "language"]

    public struct Problem: Sendable, Equatable, Hashable {
        /// The spreadsheet row (the header is 1); 0 for the file as a whole.
        public var row: Int
        /// The column's name, nil for the row or the file as a whole.
        public var column: String?
        public var code: DomainError.Code

        public init(row: Int, column: String?, code: DomainError.Code) {
            self.row = row
            self.column = column
            self.code = code
        }
    }

    public struct Failure: Error, Sendable, Equatable {
        public var problems: [Problem]
    }

    public struct Row: Sendable, Equatable {
        public var row: Int
        public var draft: NominationDraft
    }

    /// Reads `text`; at most `maxRows` beneficiaries.
    public static func parse(_ text: String, maxRows: Int = 500) throws(Failure) -> [Row] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r" }
        let separator: Character = firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","
        let records: [(row: Int, fields: [String])]
        do {
            records = try Self.records(body, separator: separator)
        } catch {
            throw Failure(problems: [Problem(row: error.row, column: nil, code: .csvMalformed)])
        }
        guard let header = records.first else {
            throw Failure(problems: [Problem(row: 0, column: nil, code: .csvEmpty)])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var problems: [Problem] = []
        for (index, name) in names.enumerated() {
            if !columns.contains(name) {
                problems.append(Problem(row: 1, column: name.isEmpty ? "\(index + 1)" : name, code: .csvHeader))
            } else if names[..<index].contains(name) {
                problems.append(Problem(row: 1, column: name, code: .csvHeader))
            }
        }
        for name in columns where requiredColumns.contains(name) && !names.contains(name) {
            problems.append(Problem(row: 1, column: name, code: .required))
        }
        guard problems.isEmpty else { throw Failure(problems: problems) }
        let rows = records.dropFirst()
        guard !rows.isEmpty else { throw Failure(problems: [Problem(row: 0, column: nil, code: .csvEmpty)]) }
        guard rows.count <= maxRows else { throw Failure(problems: [Problem(row: 0, column: nil, code: .csvTooLarge)]) }

        var drafts: [Row] = []
        var seen: Set<String> = []
        for record in rows {
            guard record.fields.count == names.count else {
                problems.append(Problem(row: record.row, column: nil, code: .csvColumns))
                continue
            }
            var value: [String: String] = [:]
            for (name, field) in zip(names, record.fields) { value[name] = field }
            do {
                let draft = try NominationDraft(
                    name: value["name"], email: value["email"], language: value["language"].map { $0.lowercased() },
                    note: value["note"],
                    delivery: value["delivery"].flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0.lowercased() })
                let identity = [draft.name.lowercased(), draft.email ?? ""].joined(separator: "\u{1F}")
                if seen.insert(identity).inserted {
                    drafts.append(Row(row: record.row, draft: draft))
                } else {
                    problems.append(Problem(row: record.row, column: nil, code: .duplicateRow))
                }
            } catch {
                for problem in error.errors {
                    problems.append(Problem(row: record.row, column: problem.field, code: problem.code))
                }
            }
        }
        guard problems.isEmpty else { throw Failure(problems: problems) }
        return drafts
    }

    struct Malformed: Error {
        var row: Int
    }

    /// RFC 4180 records with their spreadsheet row numbers (a record spanning several lines is
    /// one row, as in a spreadsheet); blank lines are skipped but counted.
    static func records(_ text: Substring, separator: Character) throws(Malformed) -> [(row: Int, fields: [String])] {
        var records: [(row: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var row = 1
        var characters = text.makeIterator()
        var pending: Character? = nil

        func endRecord() {
            fields.append(field)
            let blank = fields.count == 1 && fields[0].allSatisfy { $0 == " " || $0 == "\t" }
            if !blank { records.append((row, fields)) }
            row += 1
            fields = []
            field = ""
        }

        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        pending = next
                        // After a closing quote only a separator or the end of the line may follow.
                        if let next, next != separator, next != "\n", next != "\r", next != "\r\n" {
                            throw Malformed(row: row)
                        }
                    }
                } else {
                    // "\r\n" inside a quoted field is one line break.
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.allSatisfy({ $0 == " " }):
                field = ""
                quoted = true
            case "\"":
                throw Malformed(row: row)
            case separator:
                fields.append(field)
                field = ""
            case "\r\n", "\n", "\r":
                endRecord()
            default:
                field.append(character)
            }
        }
        if quoted { throw Malformed(row: row) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
