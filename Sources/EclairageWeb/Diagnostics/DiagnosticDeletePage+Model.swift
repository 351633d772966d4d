/// The page that asks before deleting a diagnostic (deleting cannot be undone).
enum DiagnosticDeletePage {
    struct Model: Sendable {
        let date: String
        let action: String
        let cancelLink: String
        let attached: Bool
    }
}
