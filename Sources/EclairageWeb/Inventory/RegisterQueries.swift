import EclairageDomain
import SQLKit

/// Rows of `processing_activities` (the GDPR register).
enum RegisterQueries {
    struct ActivityRow: Codable, Sendable {
        let id: String
        let associationId: String
        let name: String
        let jointController: String
        let purpose: String
        let legalBasis: String
        let people: String
        let data: String
        let sensitive: Int
        let recipients: String
        let transfers: String
        let transferBasis: String?
        let retention: String
        let security: String
        /// Inventory asset ids, separated by spaces.
        let assetIds: String
        let createdAt: Int64
        let updatedAt: Int64

        init(_ activity: ProcessingActivity, association: String, createdAt: Int64, now: Int64) {
            id = activity.id
            associationId = association
            name = activity.name
            jointController = activity.jointController
            purpose = activity.purpose
            legalBasis = activity.legalBasis.rawValue
            people = activity.people
            data = activity.data
            sensitive = activity.sensitive ? 1 : 0
            recipients = activity.recipients
            transfers = activity.transfers
            transferBasis = activity.transferBasis?.rawValue
            retention = activity.retention
            security = activity.security
            assetIds = activity.assetIDs.joined(separator: " ")
            self.createdAt = createdAt
            updatedAt = now
        }

        var activity: ProcessingActivity {
            ProcessingActivity(
                id: id, name: name, jointController: jointController, purpose: purpose,
                legalBasis: .init(rawValue: legalBasis) ?? .legitimateInterests, people: people, data: data,
                sensitive: sensitive != 0, recipients: recipients, transfers: transfers,
                transferBasis: transferBasis.flatMap(ProcessingActivity.TransferBasis.init), retention: retention,
                security: security,
                assetIDs: assetIds.split(separator: " ").map(String.init)
            )
        }
    }

    static func all(of associationID: String, in sql: any SQLDatabase) async throws -> [ActivityRow] {
        try await sql.select().column("*").from("processing_activities").where(
            "association_id", .equal, SQLBind(associationID)
        )
        .orderBy("name").orderBy("id").rows(ActivityRow.self)
    }

    static func find(_ id: String, association: String, in sql: any SQLDatabase) async throws -> ActivityRow? {
        try await sql.select().column("*").from("processing_activities").where("id", .equal, SQLBind(id))
            .where("association_id", .equal, SQLBind(association)).row(ActivityRow.self)
    }

    static func save(_ row: ActivityRow, isNew: Bool, in sql: any SQLDatabase) async throws {
        if isNew {
            try await sql.insert(into: "processing_activities").row(row).run()
        } else {
            try await sql.update("processing_activities").set(row: row).where("id", .equal, SQLBind(row.id))
                .where("association_id", .equal, SQLBind(row.associationId)).run()
        }
    }

    static func delete(_ id: String, association: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "processing_activities").where("id", .equal, SQLBind(id)).where(
            "association_id", .equal, SQLBind(association)
        ).run()
    }
}
