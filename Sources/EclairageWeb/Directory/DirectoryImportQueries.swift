import SQLKit

/// Imports waiting to be applied, and their rows (valid or not, with what was corrected or refused).
enum DirectoryImportQueries {
    /// `checking`: uploaded, its file waits for the scheduler's job to check every row; `applying`: an
    /// administrator asked for it; the scheduler's job writes it, batch after batch.
    static let checking = "checking", staged = "staged", applying = "applying", applied = "applied"
    static let discarded = "discarded"

    struct ImportRow: Codable, Sendable {
        let id: String
        let fileName: String
        let createdBy: String
        let createdAt: Int64
        var status: String
        let encoding: String
        let separator: String
        var totalRows: Int
        var validRows: Int
        var correctedRows: Int
        var appliedRows: Int
        var appliedLine: Int
        var appliedAt: Int64?
        var appliedBy: String? = nil
        /// The file's header as read (JSON array), for the refused rows' file.
        var headerJson: String? = nil
    }

    struct StagedRow: Codable, Sendable {
        let importId: String
        let line: Int
        let externalId: String?
        let recordJson: String?
        let problemsJson: String
        let notesJson: String
        /// A refused row's fields as read (JSON array), to name its place and hand it back.
        var fieldsJson: String? = nil
    }

    static func create(_ row: ImportRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "directory_imports").row(row).run()
    }

    static func stage(_ rows: [StagedRow], in sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        try await sql.insert(into: "directory_import_rows").models(
            rows, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
        ).run()
    }

    static func setCounts(_ id: String, total: Int, valid: Int, corrected: Int, in sql: any SQLDatabase) async throws {
        try await sql.update("directory_imports").set("total_rows", to: SQLBind(total)).set(
            "valid_rows", to: SQLBind(valid)
        )
        .set("corrected_rows", to: SQLBind(corrected)).where("id", .equal, SQLBind(id)).run()
    }

    static func setHeader(_ id: String, json: String, in sql: any SQLDatabase) async throws {
        try await sql.update("directory_imports").set("header_json", to: SQLBind(json)).where("id", .equal, SQLBind(id))
            .run()
    }

    /// Refused rows in file order, `limit` from the line after `line` (the refused rows' file).
    static func refusedRows(_ id: String, after line: Int, limit: Int, in sql: any SQLDatabase) async throws
        -> [StagedRow]
    {
        try await sql.select().column("*").from("directory_import_rows").where("import_id", .equal, SQLBind(id))
            .where("line", .greaterThan, SQLBind(line)).where("record_json", .is, SQLLiteral.null)
            .orderBy("line").limit(limit).rows(StagedRow.self)
    }

    static func find(_ id: String, in sql: any SQLDatabase) async throws -> ImportRow? {
        try await sql.select().column("*").from("directory_imports").where("id", .equal, SQLBind(id)).row(
            ImportRow.self)
    }

    static func recent(limit: Int, in sql: any SQLDatabase) async throws -> [ImportRow] {
        try await sql.select().column("*").from("directory_imports").orderBy("created_at", .descending).limit(limit)
            .rows(ImportRow.self)
    }

    static func validRows(_ id: String, after line: Int, limit: Int, in sql: any SQLDatabase) async throws
        -> [StagedRow]
    {
        try await sql.select().column("*").from("directory_import_rows").where("import_id", .equal, SQLBind(id))
            .where("line", .greaterThan, SQLBind(line)).where("record_json", .isNot, SQLLiteral.null)
            .orderBy("line").limit(limit).rows(StagedRow.self)
    }

    /// Rows with a problem or a correction, in file order (the preview and the report).
    static func reportedRows(_ id: String, limit: Int, in sql: any SQLDatabase) async throws -> [StagedRow] {
        try await sql.select().column("*").from("directory_import_rows").where("import_id", .equal, SQLBind(id))
            .where { $0.where("record_json", .is, SQLLiteral.null).orWhere("notes_json", .notEqual, SQLBind("[]")) }
            .orderBy("line").limit(limit).rows(StagedRow.self)
    }

    /// Hands a staged import to the scheduler's job; false when it is no longer staged.
    static func requestApply(_ id: String, by userID: String, in sql: any SQLDatabase) async throws -> Bool {
        guard let found = try await find(id, in: sql), found.status == staged else { return false }
        try await sql.update("directory_imports").set("status", to: SQLBind(applying)).set(
            "applied_by", to: SQLBind(userID)
        )
        .where("id", .equal, SQLBind(id)).where("status", .equal, SQLBind(staged)).run()
        return true
    }

    /// Imports waiting for the job, oldest first.
    static func waitingToApply(in sql: any SQLDatabase) async throws -> [ImportRow] {
        try await sql.select().column("*").from("directory_imports").where("status", .equal, SQLBind(applying))
            .orderBy("created_at").rows(ImportRow.self)
    }

    static func advance(_ id: String, to line: Int, applied: Int, in sql: any SQLDatabase) async throws {
        try await sql.update("directory_imports").set("applied_line", to: SQLBind(line))
            .set("applied_rows", to: SQLBinaryExpression(SQLIdentifier("applied_rows"), .add, SQLBind(applied)))
            .where("id", .equal, SQLBind(id)).run()
    }

    /// Applied (its report of refused rows stays readable).
    static func finish(_ id: String, now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.update("directory_imports").set("status", to: SQLBind(applied)).set(
            "applied_at", to: SQLBind(now)
        ).where("id", .equal, SQLBind(id)).run()
    }

    static func discard(_ id: String, in sql: any SQLDatabase) async throws {
        try await sql.update("directory_imports").set("status", to: SQLBind(discarded)).where("id", .equal, SQLBind(id))
            .run()
        try await sql.delete(from: "directory_import_rows").where("import_id", .equal, SQLBind(id)).run()
    }

    /// Keeps part `part` of an uploaded file (base64) until the file is checked.
    static func storePart(_ id: String, part: Int, data: String, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "directory_import_files").columns("import_id", "part", "data")
            .values(SQLBind(id), SQLBind(part), SQLBind(data)).run()
    }

    /// Part `part` of an uploaded file, nil past its end.
    static func filePart(_ id: String, part: Int, in sql: any SQLDatabase) async throws -> String? {
        struct Part: Decodable { let data: String }
        return try await sql.select().column("data").from("directory_import_files")
            .where("import_id", .equal, SQLBind(id)).where("part", .equal, SQLBind(part)).rows(Part.self).first?.data
    }

    /// Before a check starts (again, after a server stopped mid-check): no row of it is kept.
    static func clearRows(_ id: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "directory_import_rows").where("import_id", .equal, SQLBind(id)).run()
    }

    /// Imports whose file waits to be checked, oldest first.
    static func waitingToCheck(in sql: any SQLDatabase) async throws -> [ImportRow] {
        try await sql.select().column("*").from("directory_imports").where("status", .equal, SQLBind(checking))
            .orderBy("created_at").rows(ImportRow.self)
    }

    /// Checked (`staged`, waiting for the administrator's decision) or found unreadable (`discarded`):
    /// the file is dropped.
    static func finishChecking(_ id: String, as status: String, in sql: any SQLDatabase) async throws {
        try await sql.update("directory_imports").set("status", to: SQLBind(status)).where("id", .equal, SQLBind(id))
            .where("status", .equal, SQLBind(checking)).run()
        try await sql.delete(from: "directory_import_files").where("import_id", .equal, SQLBind(id)).run()
    }
}
