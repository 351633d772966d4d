import EclairageDomain

/// The administrator's imports: the form that uploads a file in the national schema, and the recent imports.
enum DirectoryImportsPage {
    struct Model: Sendable {
        let action = SiteURL.adminDirectory.path
        let error: String?
        let imports: [Import]
        let schemaVersion: String
        let exportLink = SiteURL.directoryCSV.path

        struct Import: Sendable {
            let fileName: String
            let created: String
            let status: String
            let total: Int
            let valid: Int
            let link: String
        }

        init(
            _ imports: [DirectoryImportQueries.ImportRow], error: String?, services: AppServices,
            context: AppRequestContext
        ) {
            self.error = error
            self.imports = imports.map {
                Import(
                    fileName: $0.fileName, created: DateFormatting.dayAndTime($0.createdAt, language: context.language),
                    status: services.views.text("directory_import_status_\($0.status)", context), total: $0.totalRows,
                    valid: $0.validRows, link: SiteURL.adminImport($0.id).path)
            }
            schemaVersion = services.directory.schema.version
        }
    }
}
