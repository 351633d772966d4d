import AsyncKit
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresKit
import SQLiteKit

/// The application's database: SQLite (default) or PostgreSQL, behind one SQLKit code path.
public final class Database: Sendable {
    public enum Kind: String, Sendable { case sqlite, postgres }

    public let kind: Kind
    private let currentPool: NIOLockedValueBox<(current: Pool, retired: [Pool])>
    private let makePool: @Sendable () -> Pool
    let logger: Logger
    private let writeGate = WriteGate()

    private enum Pool: @unchecked Sendable {  // the pools lock internally
        case sqlite(EventLoopGroupConnectionPool<SQLiteSource>)
        case postgres(EventLoopGroupConnectionPool<PostgresConnectionSource>)
    }

    /// SQLite calls block a thread: a pool of their own keeps them off the shared one.
    static let sqliteThreads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 4)
        pool.start()
        return pool
    }()

    public static func sqlite(
        path: String, logger: Logger, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) -> Database {
        let source = SQLiteSource(path: path, threadPool: sqliteThreads)
        return Database(kind: .sqlite, logger: logger) {
            .sqlite(
                EventLoopGroupConnectionPool(
                    source: source, maxConnectionsPerEventLoop: 4, logger: logger, on: eventLoopGroup))
        }
    }

    public static func postgres(
        url: String, logger: Logger, connectionsPerEventLoop: Int = 8,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws -> Database {
        let configuration = try SQLPostgresConfiguration(url: url)
        return Database(kind: .postgres, logger: logger) {
            .postgres(
                EventLoopGroupConnectionPool(
                    source: PostgresConnectionSource(sqlConfiguration: configuration),
                    maxConnectionsPerEventLoop: connectionsPerEventLoop, logger: logger, on: eventLoopGroup))
        }
    }

    private init(kind: Kind, logger: Logger, makePool: @escaping @Sendable () -> Pool) {
        self.kind = kind
        self.logger = logger
        self.makePool = makePool
        self.currentPool = NIOLockedValueBox((makePool(), []))
    }

    /// New connections for what follows. Called after migrations change tables: an SQLite connection
    /// opened before a column was added expands its next `SELECT *` to the old columns (sqlite-nio
    /// reads the column names before SQLite notices the schema changed), and a row would then miss the
    /// new field. The old pool is closed with the database, not now: work may still be running on it.
    func reopenConnections() {
        currentPool.withLockedValue { pools in
            pools.retired.append(pools.current)
            pools.current = makePool()
        }
    }

    /// Runs `body` on one pooled connection. For reads: writes go through `write` or `transaction`.
    public func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        switch currentPool.withLockedValue({ $0.current }) {
        case .sqlite(let pool):
            try await pool.withConnection(logger: logger) { connection in
                connection.eventLoop.makeFutureWithTask { try await body(connection.sql()) }
            }.get()
        case .postgres(let pool):
            try await pool.withConnection(logger: logger) { connection in
                connection.eventLoop.makeFutureWithTask { try await body(connection.sql()) }
            }.get()
        }
    }

    /// Runs `body` in a transaction on one connection: committed if it returns, rolled back if it throws.
    /// SQLite takes the write lock at once (BEGIN IMMEDIATE) so two writers never deadlock.
    /// With SQLite, write transactions also pass one at a time through the write gate.
    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws
        -> R
    {
        guard kind == .sqlite else { return try await inTransaction(begin: "BEGIN", body) }
        return try await writeGate.withGate { try await self.inTransaction(begin: "BEGIN IMMEDIATE", body) }
    }

    /// Any write: a transaction, so that it is serialised with the others on SQLite.
    public func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await transaction(body)
    }

    /// A consistent read of several queries (one snapshot), used by backups.
    public func snapshot<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    {
        try await inTransaction(
            begin: kind == .sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    private func inTransaction<R: Sendable>(
        begin: String, _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        try await read { sql in
            try await sql.raw(SQLQueryString(begin)).run()
            do {
                let result = try await body(sql)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    public func shutdown() async {
        let (current, retired) = currentPool.withLockedValue { $0 }
        for pool in [current] + retired {
            switch pool {
            case .sqlite(let pool): try? await pool.shutdownAsync()
            case .postgres(let pool): try? await pool.shutdownAsync()
            }
        }
    }
}
