import Foundation
import SQLKit

/// The live screens of the rooms on this server, and what tells them a room changed. A write on
/// this server tells its screens at once (`changed`); writes on other servers are seen by one poll
/// per server of the versions of the rooms its screens follow, every `interval` (one small query
/// for all rooms, none while no screen is open). So every server shows the same state within the
/// interval, on SQLite and PostgreSQL alike, without routing a room to one server.
actor WorkshopHub {
    /// A screen is woken by a new version (it then reads `version(of:)`) or by a keep-alive ping.
    enum Event: Sendable {
        case changed
        case ping
    }

    private let database: Database
    private let interval: Duration
    private var screens: [String: [UUID: AsyncStream<Event>.Continuation]] = [:]
    private var versions: [String: Int64] = [:]
    private var poller: Task<Void, Never>?
    private var fragments: [String: Task<String, Never>] = [:]
    private var ticks = 0

    init(database: Database, interval: Duration = .milliseconds(100)) {
        self.database = database
        self.interval = interval
    }

    /// A live screen of the room: woken now, then at each new version.
    func subscribe(_ room: String, version: Int64) -> (UUID, AsyncStream<Event>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(1))
        screens[room, default: [:]][id] = continuation
        if (versions[room] ?? 0) < version { versions[room] = version }
        continuation.yield(.changed)
        if poller == nil { poller = Task { await self.poll() } }
        return (id, stream)
    }

    func unsubscribe(_ room: String, _ id: UUID) {
        screens[room]?[id]?.finish()
        screens[room]?[id] = nil
        if screens[room]?.isEmpty ?? false {
            screens[room] = nil
            versions[room] = nil
        }
    }

    /// The latest version this server knows of the room.
    func version(of room: String) -> Int64 { versions[room] ?? 0 }

    var screenCount: Int { screens.values.reduce(0) { $0 + $1.count } }

    /// A write on this server: its screens read the room again at once.
    func changed(_ room: String) async {
        guard screens[room] != nil else { return }
        await refresh([room])
    }

    /// The live part for one version and language, rendered once however many screens show it.
    func fragment(_ key: String, render: @escaping @Sendable () async -> String) async -> String {
        if let task = fragments[key] { return await task.value }
        if fragments.count > 1000 { fragments.removeAll() }
        let task = Task { await render() }
        fragments[key] = task
        return await task.value
    }

    private func poll() async {
        while !screens.isEmpty, !Task.isCancelled {
            try? await Task.sleep(for: interval)
            await refresh(Array(screens.keys))
            ticks += 1
            // A comment every 15 s keeps idle connections open through proxies and finds closed ones.
            if ticks % max(1, Int(15 / interval.seconds)) == 0 {
                for continuation in screens.values.flatMap(\.values) { continuation.yield(.ping) }
            }
        }
        poller = nil
    }

    private func refresh(_ rooms: [String]) async {
        guard
            let rows = try? await database.read({ sql in try await WorkshopQueries.versions(rooms, in: sql) })
        else { return }
        for row in rows where row.version > (versions[row.id] ?? 0) {
            versions[row.id] = row.version
            for continuation in (screens[row.id] ?? [:]).values { continuation.yield(.changed) }
        }
    }
}

extension Duration {
    fileprivate var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
