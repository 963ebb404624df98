import Testing

@testable import Domain

@Suite("Money")
struct MoneyTests {
    @Test(
        "amounts typed by people are read in minor units",
        arguments: [
            ("12", Currency.eur, 1200), ("12.5", .eur, 1250), ("12,50", .eur, 1250), ("0.01", .eur, 1),
            (" 7 ", .eur, 700),
            ("2500", .all, 2500),
        ])
    func parsing(text: String, currency: Currency, minor: Int) {
        #expect(Money(parsing: text, currency: currency)?.minor == minor)
    }

    @Test("anything else is refused", arguments: ["", "-1", "1.234", "1.", ".5", "abc", "1e3", "1 000", "12.5.1"])
    func refused(text: String) {
        #expect(Money(parsing: text, currency: .eur) == nil)
    }

    @Test("the lek has no decimals")
    func lek() {
        #expect(Money(parsing: "10.5", currency: .all) == nil)
        #expect(Money(minor: 2500, currency: .all).decimalString == "2500")
        #expect(Money(minor: 1205, currency: .eur).decimalString == "12.05")
    }
}

@Suite("Areas and roles")
struct AreaTests {
    @Test("door staff may scan but not manage or administer")
    func doorStaff() {
        #expect(Area.door.admits([.doorStaff]))
        #expect(!Area.organizer.admits([.doorStaff]))
        #expect(!Area.admin.admits([.doorStaff]))
    }

    @Test("admins are admitted everywhere; anonymous visitors only to public pages")
    func admins() {
        for area in Area.allCases { #expect(area.admits([.admin])) }
        #expect(!Area.account.admits([]))
        #expect(!Area.publicSite.requiresSignIn)
    }

    @Test("a mentor is not a partner")
    func mentor() {
        #expect(Area.mentor.admits([.mentor]))
        #expect(!Area.partner.admits([.mentor]))
    }
}
