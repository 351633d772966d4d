/// A handover's record, for printing or a PDF: every item, who ticked it and when.
enum HandoverPrintPage {
    struct Model: Sendable {
        let associationName: String
        let handover: HandoverPage.Model.Handover
        let backLink: String
    }
}
