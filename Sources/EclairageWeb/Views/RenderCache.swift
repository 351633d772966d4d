import NIOConcurrencyHelpers

/// A bounded in-memory cache of rendered fragments. When full it starts again empty: simple, and the
/// keys that matter (frequent queries) come back at once.
final class RenderCache: Sendable {
    private let entries = NIOLockedValueBox<[String: String]>([:])
    let capacity: Int

    init(capacity: Int = 300) { self.capacity = capacity }

    func value(for key: String) -> String? { entries.withLockedValue { $0[key] } }

    func store(_ value: String, for key: String) {
        entries.withLockedValue { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
    }
}
