import Foundation

/// Refuses what looks like a password typed where only *where* it is kept belongs ("coffre KeePassXC
/// partagé", "carnet dans l'armoire du local"). "Looks like" is decided by `InventoryTests`' table:
/// - a word introduced as a password ("mdp : x", "password=x", "mot de passe : x");
/// - a single run of 8 characters or more, without spaces, that mixes at least three of: lower case,
///   upper case, digits, symbols — and is not an e-mail address, a web address, a date or a phone number;
/// - a run of 12 characters or more mixing letters and digits (a generated key).
/// Ordinary sentences, names, places and product names pass.
public enum SecretDetector {
    public static func looksLikeSecret(_ text: String) -> Bool {
        // A value introduced as a password, the introducing word standing on its own ("lapin : x" passes).
        let introduced = #"(?<![\p{L}\p{N}])(mdp|mot de passe|password|passwd|pwd|code pin|pin)\s*[:=]\s*\S"#
        if text.range(of: introduced, options: [.regularExpression, .caseInsensitive]) != nil { return true }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).contains { isSecretLike(String($0)) }
    }

    static func isSecretLike(_ word: String) -> Bool {
        let token = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?()«»\"'"))
        guard token.count >= 8 else { return false }
        if token.contains("@") || token.contains("://") || token.hasPrefix("www.") { return false }
        if token.allSatisfy({ $0.isNumber || $0 == "/" || $0 == "-" || $0 == "." || $0 == "+" }) { return false }  // dates, phones, amounts
        let lower = token.contains { $0.isLowercase }
        let upper = token.contains { $0.isUppercase }
        let digit = token.contains { $0.isNumber }
        // Symbols as passwords use them; the middle dot of inclusive writing, hyphens, apostrophes and
        // dots of ordinary words do not count.
        let symbol = token.contains { "!@#$%^&*_+=?~|\\/<>{}[]:;,€£§".contains($0) }
        let classes = [lower, upper, digit, symbol].filter { $0 }.count
        if classes >= 3 { return true }
        return token.count >= 12 && digit && (lower || upper) && token.filter(\.isNumber).count >= 3
    }
}
