import Testing

@testable import EclairageDomain

@Suite("Identifiers: RNA, SIREN, SIRET")
struct IdentifierTests {
    @Test(
        "Luhn",
        arguments: [
            ("732829320", true), ("732829321", false), ("44306184100047", true), ("44306184100048", false), ("", false),
            ("12a", false),
        ])
    func luhn(digits: String, valid: Bool) {
        #expect(Luhn.isValid(digits) == valid)
    }

    @Test("RNA is W followed by 9 digits, spaces tolerated")
    func rna() {
        #expect(OrganisationIdentifier.checkRNA("W372001234") == nil)
        #expect(OrganisationIdentifier.checkRNA("w37 200 1234") == nil)
        #expect(OrganisationIdentifier.checkRNA("W37200123") == .rnaFormat)
        #expect(OrganisationIdentifier.checkRNA("X372001234") == .rnaFormat)
        #expect(OrganisationIdentifier.checkRNA("W37200123A") == .rnaFormat)
    }

    @Test("SIREN and SIRET: format then checksum")
    func sirenSiret() {
        #expect(OrganisationIdentifier.checkSIREN("732 829 320") == nil)
        #expect(OrganisationIdentifier.checkSIREN("732829321") == .sirenChecksum)
        #expect(OrganisationIdentifier.checkSIREN("73282932") == .sirenFormat)
        #expect(OrganisationIdentifier.checkSIRET("443 061 841 00047") == nil)
        #expect(OrganisationIdentifier.checkSIRET("44306184100048") == .siretChecksum)
        #expect(OrganisationIdentifier.checkSIRET("4430618410004") == .siretFormat)
        // La Poste's establishments follow a digit-sum rule
        #expect(OrganisationIdentifier.checkSIRET("35600000000010") == nil)
        #expect(OrganisationIdentifier.checkSIRET("35600000000011") == .siretChecksum)
    }

    @Test("The association form: messages per field, département from the postcode")
    func associationForm() throws {
        let departements: Set<String> = ["37", "2A", "2B", "971", "01"]
        let bad = AssociationForm(
            name: "", rna: "W1", siren: "732829320", siret: "44306184100047", postcode: "ab", sector: "x"
        )
        .validate(knownDepartements: departements)
        guard case .failure(let errors) = bad else {
            Issue.record("should fail")
            return
        }
        #expect(errors["name"] == "association.name_required")
        #expect(errors["rna"] == "identifier.rna_format")
        #expect(errors["siret"] == "identifier.siret_siren_mismatch")
        #expect(errors["postcode"] == "association.postcode_format")
        #expect(errors["sector"] == "form.choice_unknown")
        let good = AssociationForm(name: " Chorale ", postcode: "20000", budget: "moins-de-1000")
            .validate(knownDepartements: departements)
        let profile = try good.get()
        #expect(profile.name == "Chorale")
        #expect(profile.departement == "2A")
        #expect(profile.budget == .zero)
        #expect(AssociationForm.departement(fromPostcode: "97110") == "971")
        #expect(AssociationForm.departement(fromPostcode: "20600") == "2B")
    }
}

@Suite("E-mail addresses")
struct EmailAddressTests {
    @Test("One address however its accents and case were typed")
    func normalise() {
        let composed = EmailAddress.normalise("élodie@exemple.fr")
        let decomposed = EmailAddress.normalise("e\u{301}lodie@exemple.fr")
        #expect(Array(composed.utf8) == Array(decomposed.utf8))
        #expect(EmailAddress.normalise("  Élodie@EXEMPLE.FR ") == composed)
        #expect(Array(EmailAddress.normalise("E\u{301}LODIE@Exemple.Fr").utf8) == Array(composed.utf8))
    }
}

@Suite("CSV")
struct CSVWriterTests {
    @Test("Commas by default, semicolons on request; a cell holding the separator is quoted; formulas neutralised")
    func separators() {
        #expect(CSVWriter.line(["a", "b;c", "d,e"]) == "a,b;c,\"d,e\"\r\n")
        #expect(CSVWriter.line(["a", "b;c", "d,e"], separator: ";") == "a;\"b;c\";d,e\r\n")
        #expect(CSVWriter.line(["=SUM(A1)"], separator: ";") == "'=SUM(A1)\r\n")
        // A phone number in international form is data; "+cmd|…" and "-2+A1" are not numbers.
        #expect(
            CSVWriter.line(["+33247123456", "-12,5", "+cmd|' /C calc'!A0", "-2+A1", "+"])
                == "+33247123456,\"-12,5\",'+cmd|' /C calc'!A0,'-2+A1,'+\r\n")
    }
}
