import EclairageDomain
import SQLKit

/// Rows of `assets` and `asset_holders`, and the expiry reminders already sent.
enum InventoryQueries {
    struct AssetRow: Codable, Sendable {
        var id: String
        var associationId: String
        var kind: String
        var name: String
        var provider: String
        var owner: String
        var ownerName: String
        var credentialsPlace: String
        var secondFactor: String
        var recoveryCodesPlace: String
        var recoveryAssetId: String?
        var recoveryPersonal: Int
        var expiresOn: String?
        var cost: String
        var dataLocation: String?
        var checkedOn: String?
        var year: Int?
        var refurbished: Int
        var createdAt: Int64
        var updatedAt: Int64

        init(_ asset: Asset, association: String, createdAt: Int64, now: Int64) {
            id = asset.id
            associationId = association
            kind = asset.kind.rawValue
            name = asset.name
            provider = asset.provider
            owner = asset.owner.rawValue
            ownerName = asset.ownerName
            credentialsPlace = asset.credentialsPlace
            secondFactor = asset.secondFactor
            recoveryCodesPlace = asset.recoveryCodesPlace
            recoveryAssetId = asset.recoveryAssetID
            recoveryPersonal = asset.recoveryPersonal ? 1 : 0
            expiresOn = asset.expiresOn
            cost = asset.cost
            dataLocation = asset.dataLocation
            checkedOn = asset.checkedOn
            year = asset.year
            refurbished = asset.refurbished ? 1 : 0
            self.createdAt = createdAt
            updatedAt = now
        }

        func asset(holders: [String]) -> Asset {
            Asset(
                id: id, kind: Asset.Kind(rawValue: kind) ?? .service, name: name, provider: provider,
                owner: Asset.Owner(rawValue: owner) ?? .association,
                ownerName: ownerName, holders: holders, credentialsPlace: credentialsPlace, secondFactor: secondFactor,
                recoveryCodesPlace: recoveryCodesPlace, recoveryAssetID: recoveryAssetId,
                recoveryPersonal: recoveryPersonal != 0,
                expiresOn: expiresOn, cost: cost, dataLocation: dataLocation, checkedOn: checkedOn,
                enteredOn: DateFormatting.parisDay(createdAt).iso, year: year,
                refurbished: refurbished != 0
            )
        }
    }

    struct HolderRow: Codable, Sendable {
        let assetId: String
        let position: Int
        let name: String
        let userId: String?
    }

    struct Stored: Sendable {
        let row: AssetRow
        let holders: [HolderRow]
        var asset: Asset { row.asset(holders: holders.map(\.name)) }
    }

    /// An association's assets with their holders, in two queries.
    static func all(of associationID: String, in sql: any SQLDatabase) async throws -> [Stored] {
        let rows = try await sql.select().column("*").from("assets").where(
            "association_id", .equal, SQLBind(associationID)
        )
        .orderBy("kind").orderBy("name").orderBy("id").rows(AssetRow.self)
        return try await withHolders(rows, in: sql)
    }

    static func withHolders(_ rows: [AssetRow], in sql: any SQLDatabase) async throws -> [Stored] {
        guard !rows.isEmpty else { return [] }
        let holders = try await sql.select().column("*").from("asset_holders").where(
            "asset_id", .in, SQLBind.group(rows.map(\.id))
        )
        .orderBy("position").rows(HolderRow.self)
        let byAsset = Dictionary(grouping: holders, by: \.assetId)
        return rows.map { Stored(row: $0, holders: byAsset[$0.id] ?? []) }
    }

    static func find(_ id: String, association: String, in sql: any SQLDatabase) async throws -> Stored? {
        let rows = try await sql.select().column("*").from("assets").where("id", .equal, SQLBind(id))
            .where("association_id", .equal, SQLBind(association)).rows(AssetRow.self)
        return try await withHolders(rows, in: sql).first
    }

    /// Writes the asset and replaces its holders (`userIDs`: the member each name stands for, if any).
    /// An existing asset is updated in place: deleting it would take its sent reminders with it (and
    /// send them again).
    static func save(_ row: AssetRow, holders: [(name: String, userID: String?)], isNew: Bool, in sql: any SQLDatabase)
        async throws
    {
        if isNew {
            try await sql.insert(into: "assets").row(row).run()
        } else {
            try await sql.update("assets").set(row: row).where("id", .equal, SQLBind(row.id))
                .where("association_id", .equal, SQLBind(row.associationId)).run()
        }
        try await sql.delete(from: "asset_holders").where("asset_id", .equal, SQLBind(row.id)).run()
        let holderRows = holders.enumerated().map {
            HolderRow(assetId: row.id, position: $0.offset, name: $0.element.name, userId: $0.element.userID)
        }
        if !holderRows.isEmpty {
            try await sql.insert(into: "asset_holders").models(
                holderRows, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
            ).run()
        }
    }

    /// Deletes an asset; those whose recovery went through it no longer point anywhere.
    static func delete(_ id: String, association: String, in sql: any SQLDatabase) async throws {
        try await sql.update("assets").set("recovery_asset_id", to: SQLLiteral.null).where(
            "recovery_asset_id", .equal, SQLBind(id)
        )
        .where("association_id", .equal, SQLBind(association)).run()
        try await sql.delete(from: "assets").where("id", .equal, SQLBind(id)).where(
            "association_id", .equal, SQLBind(association)
        ).run()
    }

    static func markChecked(_ id: String, association: String, on day: String, now: Int64, in sql: any SQLDatabase)
        async throws
    {
        try await sql.update("assets").set("checked_on", to: SQLBind(day)).set("updated_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(id)).where("association_id", .equal, SQLBind(association)).run()
    }

    /// Assets of every association that lapse on or before `day` (ISO), for the reminders job.
    static func lapsing(onOrBefore day: String, in sql: any SQLDatabase) async throws -> [Stored] {
        let rows = try await sql.select().column("*").from("assets").where("expires_on", .isNot, SQLLiteral.null)
            .where("expires_on", .lessThanOrEqual, SQLBind(day)).orderBy("id").rows(AssetRow.self)
        return try await withHolders(rows, in: sql)
    }

    /// Records that the reminder for this lapse and threshold went out; false when it already had.
    static func claimReminder(asset: String, expiresOn: String, threshold: Int, now: Int64, in sql: any SQLDatabase)
        async throws -> Bool
    {
        let query: SQLQueryString = """
            INSERT INTO asset_reminders (asset_id, expires_on, threshold, sent_at) VALUES (\(bind: asset), \(bind: expiresOn), \(bind: threshold), \(bind: now))
            ON CONFLICT (asset_id, expires_on, threshold) DO NOTHING RETURNING asset_id
            """
        return try await !sql.raw(query).all().isEmpty
    }

    /// The inventory page's switch: on, every body the association lets in reads the inventory; off, none.
    static func setSharing(_ associationID: String, shares: Bool, in sql: any SQLDatabase) async throws {
        try await sql.update("associations").set("shares_inventory", to: SQLBind(shares ? 1 : 0)).where(
            "id", .equal, SQLBind(associationID)
        ).run()
        try await sql.update("access_grants").set("shares_inventory", to: SQLBind(shares ? 1 : 0))
            .where("association_id", .equal, SQLBind(associationID)).run()
    }

    struct Recipient: Decodable, Sendable {
        let key: String
        let email: String
        let locale: String
    }

    /// Who is told that an asset lapses: its holders who have an account (by asset id), and the owners
    /// of each association (by association id) for assets none of whose holders has one. Two queries.
    static func reminderRecipients(assetIDs: [String], associationIDs: [String], in sql: any SQLDatabase) async throws
        -> (holders: [String: [Recipient]], owners: [String: [Recipient]])
    {
        guard !assetIDs.isEmpty else { return ([:], [:]) }
        let holders = try await sql.select().column(SQLColumn("asset_id", table: "asset_holders"), as: "key")
            .column(SQLColumn("email", table: "users")).column(SQLColumn("locale", table: "users"))
            .from("asset_holders").join(
                "users", on: SQLColumn("user_id", table: "asset_holders"), .equal, SQLColumn("id", table: "users")
            )
            .where(SQLColumn("asset_id", table: "asset_holders"), .in, SQLBind.group(assetIDs)).rows(Recipient.self)
        let owners = try await AssociationQueries.owners(of: associationIDs, in: sql).mapValues {
            $0.map { Recipient(key: $0.associationId, email: $0.email, locale: $0.locale) }
        }
        return (Dictionary(grouping: holders, by: \.key), owners)
    }
}
