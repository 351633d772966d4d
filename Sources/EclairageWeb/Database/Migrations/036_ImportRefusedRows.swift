extension Migrations {
    /// The directory for its editors (issue 22): an import keeps its file's header, and each refused row
    /// its fields as read, so the preview names each refused line's place and hands the refused rows
    /// back as a file to correct. Both go with the import's rows (same table, same retention).
    static let importRefusedRows = Migration(
        36, "ImportRefusedRows",
        up: [
            "ALTER TABLE directory_imports ADD COLUMN header_json TEXT",
            "ALTER TABLE directory_import_rows ADD COLUMN fields_json TEXT",
        ],
        down: [
            "ALTER TABLE directory_import_rows DROP COLUMN fields_json",
            "ALTER TABLE directory_imports DROP COLUMN header_json",
        ])
}
