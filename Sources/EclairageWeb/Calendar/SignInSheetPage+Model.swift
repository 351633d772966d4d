import EclairageDomain

/// A session's sign-in sheet, to print: who registered (in order), a box to sign, and blank lines for
/// those who come without registering.
enum SignInSheetPage {
    struct Model: Sendable {
        let title: String
        let when: String
        let place: String
        let people: [String]
        let blanks: [Int]
        let backLink: String

        init(
            _ session: SessionRow, training: TrainingRow, place: Place?, registrations: [RegistrationRow],
            context: AppRequestContext
        ) {
            title = training.title
            when =
                DateFormatting.weekdayAndTime(session.startsAt, language: context.language) + " – "
                + DateFormatting.time(session.endsAt, language: context.language)
            self.place = place.map { "\($0.name), \(CalendarMail.address(of: $0))" } ?? ""
            people = registrations.filter { $0.status == RegistrationRow.confirmed }.map(\.name)
            blanks = Array(1...max(3, min(10, session.capacity - people.count)))
            backLink = SiteURL.sessionRegistrants(session.id).path
        }
    }
}
