import Foundation
import NIOConcurrencyHelpers

/// The time as stored in the database: whole seconds since 1970 (portable between SQLite and
/// PostgreSQL). Injected through `AppServices.time`, so tests move time forward instead of editing rows.
public struct TimeSource: Sendable {
    private let read: @Sendable () -> Int64

    public init(_ read: @escaping @Sendable () -> Int64) { self.read = read }

    public func now() -> Int64 { read() }

    /// The system clock.
    public static let system = TimeSource { Int64(Date().timeIntervalSince1970) }

    /// A clock that starts now and moves only when told to (tests).
    public static func manual() -> (TimeSource, advance: @Sendable (Int64) -> Void) {
        let offset = NIOLockedValueBox<Int64>(0)
        let source = TimeSource { Int64(Date().timeIntervalSince1970) + offset.withLockedValue { $0 } }
        return (source, { seconds in offset.withLockedValue { $0 += seconds } })
    }
}
