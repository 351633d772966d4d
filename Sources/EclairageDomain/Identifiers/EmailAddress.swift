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

    public static func isPlausible(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), email.count <= 254 else { return false }
        return !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }
}
