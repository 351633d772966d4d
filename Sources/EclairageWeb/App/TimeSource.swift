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

    /// A clock stopped at `start` (Unix seconds) that moves only when told to: tests choose their
    /// instant, so that what a page shows does not depend on the day or the hour they run.
    public static func manual(at start: Int64) -> (TimeSource, advance: @Sendable (Int64) -> Void) {
        let now = NIOLockedValueBox<Int64>(start)
        return (TimeSource { now.withLockedValue { $0 } }, { seconds in now.withLockedValue { $0 += seconds } })
    }
}
