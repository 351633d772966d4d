/// Identifiers of French organisations: RNA for associations, SIREN/SIRET for registered bodies.
public enum OrganisationIdentifier {
    public enum Problem: String, Sendable, Equatable {
        case rnaFormat = "identifier.rna_format"
        case sirenFormat = "identifier.siren_format"
        case sirenChecksum = "identifier.siren_checksum"
        case siretFormat = "identifier.siret_format"
        case siretChecksum = "identifier.siret_checksum"
        case siretSirenMismatch = "identifier.siret_siren_mismatch"
    }

    /// Removes spaces, dots and dashes people type for readability, and upper-cases.
    public static func normalise(_ raw: String) -> String {
        String(raw.uppercased().filter { !" .-\u{00A0}".contains($0) })
    }

    /// RNA: "W" followed by 9 digits (e.g. W751234567).
    public static func checkRNA(_ raw: String) -> Problem? {
        let value = normalise(raw)
        guard value.count == 10, value.first == "W", value.dropFirst().allSatisfy(\.isASCIIDigit) else {
            return .rnaFormat
        }
        return nil
    }

    /// SIREN: 9 digits, Luhn-valid.
    public static func checkSIREN(_ raw: String) -> Problem? {
        let value = normalise(raw)
        guard value.count == 9, value.allSatisfy(\.isASCIIDigit) else { return .sirenFormat }
        return Luhn.isValid(value) ? nil : .sirenChecksum
    }

    /// SIRET: 14 digits, Luhn-valid (La Poste's establishments, SIREN 356000000, use a digit sum rule instead).
    public static func checkSIRET(_ raw: String) -> Problem? {
        let value = normalise(raw)
        guard value.count == 14, value.allSatisfy(\.isASCIIDigit) else { return .siretFormat }
        if value.hasPrefix("356000000") {
            let sum = value.compactMap(\.wholeNumberValue).reduce(0, +)
            return sum.isMultiple(of: 5) ? nil : .siretChecksum
        }
        return Luhn.isValid(value) ? nil : .siretChecksum
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
