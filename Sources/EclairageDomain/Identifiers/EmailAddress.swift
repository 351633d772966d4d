import Foundation

/// A light check of an e-mail address: one "@", something on each side, a dot in the domain.
public enum EmailAddress {
    /// The form addresses are stored and compared in: trimmed, Unicode NFC (an "é" typed as one
    /// character or as "e" plus an accent is the same address), and lower case. The domain is case-
    /// insensitive by rule; the local part is folded too, as every common provider treats it so and
    /// two accounts differing only by case would surprise their owners.
    public static func normalise(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().precomposedStringWithCanonicalMapping
    }

    /// One "@", something on each side, a dot inside the domain, at most 254 characters, and none of the
    /// characters that separate, quote or comment addresses in a mail header (`,` `;` `(` `)` `"` `[` `]`
    /// `<` `>` `\` `:`), nor spaces or control characters: `root,attacker@example.org` would otherwise
    /// become two recipients for `sendmail -t`. Quoted local parts, which the standard allows, are refused.
    public static func isPlausible(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), email.count <= 254 else { return false }
        return !email.unicodeScalars.contains(where: isForbidden)
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }

    static let headerCharacters = Set(",;()\"[]<>\\:".unicodeScalars)

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        headerCharacters.contains(scalar) || scalar.properties.isWhitespace
            || scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
            || scalar.properties.generalCategory == .lineSeparator
            || scalar.properties.generalCategory == .paragraphSeparator
    }
}
