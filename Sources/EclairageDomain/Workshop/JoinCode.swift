/// The short code a participant types on a phone to join a room: six characters from an alphabet
/// without the letters and digits people confuse (0/O, 1/I/L, 5/S, 2/Z, 8/B), upper case. What is
/// typed is read leniently: lower case, spaces and dashes are accepted.
public enum JoinCode {
    public static let alphabet = Array("ACDEFGHJKMNPQRTUVWXY34679")
    public static let length = 6

    /// A new code from the generator given (the caller checks it is not taken).
    public static func make(using generator: inout some RandomNumberGenerator) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The code as typed, normalised; nil when it cannot be a code.
    public static func read(_ typed: String) -> String? {
        let code = String(typed.uppercased().filter { !" -.\t".contains($0) })
        guard code.count == length, code.allSatisfy(alphabet.contains) else { return nil }
        return code
    }
}
