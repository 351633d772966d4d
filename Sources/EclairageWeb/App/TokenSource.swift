import EclairageDomain

/// Where secret tokens (links, anti-forgery) and row ids come from. Injected through
/// `AppServices.tokens`, like the time, so a test can make them predictable.
public struct TokenSource: Sendable {
    private let make: @Sendable (Int) -> String

    public init(_ make: @escaping @Sendable (Int) -> String) { self.make = make }

    /// A secret of `length` characters (26 by default: 130 bits).
    public func random(length: Int = 26) -> String { make(length) }

    /// A row id (16 characters, 80 bits).
    public func identifier() -> String { make(16) }

    /// The system's random generator.
    public static let system = TokenSource { Token.random(length: $0) }
}
