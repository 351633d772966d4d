import Foundation

/// Unguessable tokens and identifiers.
public enum Token {
    private static let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")

    /// A random string of `length` characters from a 32-letter alphabet (5 bits each):
    /// 26 characters give 130 bits, enough for resume links and reset tokens.
    /// Twelve characters per draw of 64 bits from the system (one system call, not one per character).
    public static func random(length: Int = 26) -> String {
        var generator = SystemRandomNumberGenerator()
        var characters: [Character] = []
        characters.reserveCapacity(length)
        var bits: UInt64 = 0
        var left = 0
        for _ in 0..<length {
            if left < 5 {
                bits = generator.next()
                left = 64
            }
            characters.append(alphabet[Int(bits & 31)])
            bits >>= 5
            left -= 5
        }
        return String(characters)
    }

    /// A short id for rows (16 characters, 80 bits): unguessable enough to appear in URLs.
    public static func identifier() -> String { random(length: 16) }
}
