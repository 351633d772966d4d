import Foundation

/// Refuses what looks like a password typed where only *where* it is kept belongs ("coffre KeePassXC
/// partagé", "carnet dans l'armoire du local"). "Looks like" is decided by `InventoryTests`' table:
/// - a word introduced as a password ("mdp : x", "password=x", "mot de passe : x");
/// - a single run of 8 characters or more, without spaces, that mixes at least three of: lower case,
///   upper case, digits, symbols — and is not an e-mail address, a web address, a date or a phone number;
/// - a run of 12 characters or more mixing letters and digits (a generated key).
/// Ordinary sentences, names, places and product names pass. A run refused because it holds a markup
/// tag ("<b>Coffre</b>") is told apart (`Suspicion.markup`), so the refusal can say why.
public enum SecretDetector {
    public enum Suspicion: Sendable, Equatable {
        case password
        /// The run mixes character classes because it holds a tag such as `<b>` or `</p>`.
        case markup

        /// The message (translation key) that says why the text is refused.
        public var errorKey: String { self == .markup ? "asset.error.markup" : "asset.error.secret" }
    }

    public static func looksLikeSecret(_ text: String) -> Bool { suspicion(text) != nil }

    public static func suspicion(_ text: String) -> Suspicion? {
        // A value introduced as a password, the introducing word standing on its own ("lapin : x" passes).
        let introduced = #"(?<![\p{L}\p{N}])(mdp|mot de passe|password|passwd|pwd|code pin|pin)\s*[:=]\s*\S"#
        if text.range(of: introduced, options: [.regularExpression, .caseInsensitive]) != nil { return .password }
        let refused = text.split(whereSeparator: \.isWhitespace).map(String.init).filter(
            isSecretLike)
        if refused.isEmpty { return nil }
        let tag = #"</?[A-Za-z][A-Za-z0-9]*[^<>]*>"#
        return refused.allSatisfy({ $0.range(of: tag, options: .regularExpression) != nil }) ? .markup : .password
    }

    static func isSecretLike(_ word: String) -> Bool {
        let token = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?()«»\"'"))
        guard token.count >= 8 else { return false }
        if token.contains("@") || token.contains("://") || token.hasPrefix("www.") { return false }
        // dates, phones, amounts
        if token.allSatisfy({ $0.isNumber || $0 == "/" || $0 == "-" || $0 == "." || $0 == "+" }) { return false }
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
