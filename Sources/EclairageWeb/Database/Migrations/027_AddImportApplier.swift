extension Migrations {
    /// Who asked for an import to be applied: the scheduler's job applies it later, in that person's name.
    static let addImportApplier = Migration(
        27, "AddImportApplier",
        up: [
            "ALTER TABLE directory_imports ADD COLUMN applied_by TEXT"
        ],
        down: [
            "ALTER TABLE directory_imports DROP COLUMN applied_by"
        ])
}
