import Foundation

/// Password strength judged by estimated entropy, as CNIL délibération 2022-100 asks,
/// rather than by composition rules.
///
/// The estimate is the classic one the CNIL uses (length × log2 of the alphabet size), made
/// honest by three corrections: repeated or sequential runs count once, a password found in
/// the list of most common passwords is refused outright, and a password made of one common
/// word plus digits or symbols counts as that word only.
public struct PasswordPolicy: Sendable {
    /// Minimum entropy in bits. 50 bits is CNIL's threshold when login attempts are limited,
    /// which Éclairage does per account and per address (see docs/ARCHITECTURE.md).
    public var minimumBits: Double
    public var maximumLength: Int
    public var commonPasswords: Set<String>

    public init(minimumBits: Double = 50, maximumLength: Int = 256, commonPasswords: Set<String> = CommonPasswords.list)
    {
        self.minimumBits = minimumBits
        self.maximumLength = maximumLength
        self.commonPasswords = commonPasswords
    }

    public enum Verdict: Equatable, Sendable {
        case accepted(bits: Int)
        case tooWeak(bits: Int, needed: Int)
        case common
        case tooLong(maximum: Int)
        case containsPersonalData
    }

    public func judge(_ password: String, personalWords: [String] = []) -> Verdict {
        if password.count > maximumLength { return .tooLong(maximum: maximumLength) }
        let folded = password.lowercased()
        if commonPasswords.contains(folded) || commonPasswords.contains(Self.stripDecorations(folded)) {
            return .common
        }
        for word in personalWords.map({ $0.lowercased() }) where word.count >= 4 && folded.contains(word) {
            if Self.entropy(of: folded.replacingOccurrences(of: word, with: "")) < minimumBits {
                return .containsPersonalData
            }
        }
        let bits = Self.entropy(of: password)
        return bits >= minimumBits
            ? .accepted(bits: Int(bits.rounded(.down)))
            : .tooWeak(bits: Int(bits.rounded(.down)), needed: Int(minimumBits))
    }

    /// Entropy estimate in bits: effective length × log2(alphabet size).
    public static func entropy(of password: String) -> Double {
        let characters = Array(password)
        guard !characters.isEmpty else { return 0 }
        var alphabet = 0
        if characters.contains(where: { $0.isLowercase }) { alphabet += 26 }
        if characters.contains(where: { $0.isUppercase }) { alphabet += 26 }
        if characters.contains(where: { $0.isNumber }) { alphabet += 10 }
        if characters.contains(where: { !$0.isLetter && !$0.isNumber }) { alphabet += 33 }
        if characters.contains(where: { !$0.isASCII && $0.isLetter }) { alphabet += 40 }
        return effectiveLength(characters) * log2(Double(max(alphabet, 2)))
    }

    /// Counts a run of repeated characters ("aaaa") or a sequence ("1234", "abcd") as two characters.
    static func effectiveLength(_ characters: [Character]) -> Double {
        var length = 0.0
        var runLength = 1
        for index in characters.indices {
            if index > 0, let step = Self.step(characters[index - 1], characters[index]), abs(step) <= 1 {
                runLength += 1
                length += runLength > 2 ? 0 : 1
            } else {
                runLength = 1
                length += 1
            }
        }
        return length
    }

    static func step(_ a: Character, _ b: Character) -> Int? {
        guard let x = a.unicodeScalars.first?.value, let y = b.unicodeScalars.first?.value else { return nil }
        return Int(y) - Int(x)
    }

    /// "soleil2024!" → "soleil": a common word dressed with digits and symbols.
    static func stripDecorations(_ password: String) -> String {
        String(password.filter { $0.isLetter })
    }
}
