extension Migrations {
    static let createAssociations = Migration(
        3, "CreateAssociations",
        up: [
            """
            CREATE TABLE associations (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                rna TEXT,
                siren TEXT,
                siret TEXT,
                postcode TEXT,
                departement TEXT,
                size TEXT,
                staff TEXT,
                budget TEXT,
                sector TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """
        ], down: ["DROP TABLE associations"])
}
