import Foundation

/// Unguessable tokens and identifiers.
public enum Token {
    private static let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")

    /// A random string of `length` characters from a 32-letter alphabet (5 bits each):
    /// 26 characters give 130 bits, enough for resume links and reset tokens.
    public static func random(length: Int = 26) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(generator.next() % 32)] })
    }

    /// A short id for rows (16 characters, 80 bits): unguessable enough to appear in URLs.
    public static func identifier() -> String { random(length: 16) }
}
