import Testing

@testable import Domain

@Suite("Bulk nominations from CSV")
struct NominationCSVTests {
    func problems(_ text: String) -> [NominationCSV.Problem] {
        do {
            _ = try NominationCSV.parse(text)
            return []
        } catch {
            return error.problems
        }
    }

    @Test("a valid list: any column order, quotes, semicolons, BOM, CRLF and blank lines")
    func valid() throws {
        let text =
            "\u{FEFF}Language,NAME,email,note,delivery\r\n"
            + "sq,Drita,drita@example.org,\"Kursi, i marketingut\",email\r\n"
            + "\r\n"
            + "it,\"Anna \"\"Nina\"\" B.\",,\"due\nrighe\",\r\n"
            + "EN,Mark,,,PRINT"
        let rows = try NominationCSV.parse(text)
        #expect(rows.map(\.row) == [2, 4, 5])
        #expect(rows.map(\.draft.name) == ["Drita", "Anna \"Nina\" B.", "Mark"])
        #expect(rows.map(\.draft.language) == [.sq, .it, .en])
        #expect(rows.map(\.draft.delivery) == [.email, .print, .print])
        #expect(rows[0].draft.note == "Kursi, i marketingut")
        #expect(rows[1].draft.note == "due\nrighe")
        #expect(rows[1].draft.email == nil)

        let semicolons = try NominationCSV.parse("name;language\nDrita;sq\nArta;sq\n")
        #expect(semicolons.map(\.draft.name) == ["Drita", "Arta"])
    }

    @Test("a wrong header is reported column by column and nothing is read")
    func header() {
        #expect(
            problems("nome,language,colour\nDrita,sq,red")
                == [
                    .init(row: 1, column: "nome", code: .csvHeader), .init(row: 1, column: "colour", code: .csvHeader),
                    .init(row: 1, column: "name", code: .required),
                ])
        #expect(problems("name,language,name\nA,sq,B") == [.init(row: 1, column: "name", code: .csvHeader)])
        #expect(problems("") == [.init(row: 0, column: nil, code: .csvEmpty)])
        #expect(problems("name,language\n\n") == [.init(row: 0, column: nil, code: .csvEmpty)])
    }

    @Test("every bad row is reported with its row and column, all at once")
    func rows() {
        let text = """
            name,email,language,delivery
            Drita,not-an-email,sq,email
            ,x@example.org,fr,email
            Arta,,sq,email
            Besa,,sq,pigeon
            Drita,not-an-email,sq,email
            Mark,,en
            """
        #expect(
            problems(text) == [
                .init(row: 2, column: "email", code: .invalidEmail),
                .init(row: 3, column: "name", code: .required),
                .init(row: 3, column: "language", code: .invalidValue),
                .init(row: 4, column: "email", code: .required),
                .init(row: 5, column: "delivery", code: .invalidValue),
                .init(row: 6, column: "email", code: .invalidEmail),
                .init(row: 7, column: nil, code: .csvColumns),
            ])
        #expect(
            problems("name,language\nDrita,sq\nDRITA,it\n") == [.init(row: 3, column: nil, code: .duplicateRow)])
    }

    @Test("broken quoting and oversized lists are refused")
    func malformed() {
        #expect(problems("name,language\n\"Drita,sq\n") == [.init(row: 2, column: nil, code: .csvMalformed)])
        #expect(problems("name,language\n\"Drita\"x,sq\n") == [.init(row: 2, column: nil, code: .csvMalformed)])
        #expect(problems("name,language\nDr\"ita,sq\n") == [.init(row: 2, column: nil, code: .csvMalformed)])
        let many = "name,language\n" + (1...501).map { "P\($0),sq" }.joined(separator: "\n")
        #expect(problems(many) == [.init(row: 0, column: nil, code: .csvTooLarge)])
        #expect((try? NominationCSV.parse(many, maxRows: 501))?.count == 501)
    }
}
