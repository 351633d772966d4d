import EclairageDomain

/// A place's page: who they are, when they are open, what they offer and to whom, how to reach them.
enum PlacePage {
    struct Model: Sendable {
        /// The details, rendered apart (see `Details`).
        let html: String
        let feedLink: String
        let newTrainingLink: String?
        let historyLink: String?
        let linkAction: String
        /// The place's managers (accounts that organise its trainings), shown to editors, who link more.
        let managers: [Manager]
        let managersAction: String?
        let removeManagerAction: String

        struct Manager: Sendable {
            let label: String
            let userID: String
        }

        init(html: String, id: String, editor: Bool, organises: Bool = false, managers: [Manager] = []) {
            self.html = html
            feedLink = SiteURL.placeFeed(id).path
            newTrainingLink = editor || organises ? SiteURL.newTraining.path + "?lieu=" + id : nil
            self.managers = editor ? managers : []
            managersAction = editor ? SiteURL.placeManagers(id).path : nil
            removeManagerAction = SiteURL.placeManagerRemove(id).path
            historyLink = editor ? SiteURL.placeHistory(id).path : nil
            linkAction = SiteURL.placeLink(id).path
        }
    }

    /// The place's details, rendered once per version, language and minute ("open now") and kept.
    struct Details: Sendable {
        let name: String
        let summary: String?
        let details: String?
        let address: String
        let addressExtra: String?
        let commune: String
        let kinds: String?
        let today: String?
        let week: [String]
        let hoursAsWritten: String?
        let phone: String?
        let phoneLink: String?
        let emails: [String]
        let websites: [String]
        let bookingURL: String?
        let accessibilityURL: String?
        let services: [String]
        let lists: [Labelled]
        let updated: String
        let stale: Bool
        let mapLink: String?
        let directoryLink = SiteURL.directory.path

        struct Labelled: Sendable {
            let label: String
            let value: String
        }

        /// "+33247123456" as people read it in France: "02 47 12 34 56"; other numbers as they are.
        static func frenchPhone(_ number: String) -> String {
            guard number.hasPrefix("+33"), number.count == 12 else { return number }
            let digits = Array("0" + number.dropFirst(3))
            return stride(from: 0, to: 10, by: 2).map { String(digits[$0..<$0 + 2]) }.joined(separator: "\u{00A0}")
        }

        init(_ entry: DirectoryIndex.Entry, clock: DirectoryClock, services: AppServices, context: AppRequestContext) {
            let place = entry.place
            let views = services.views
            name = place.name
            summary = place.summary
            details = place.details
            address = place.address
            addressExtra = place.addressExtra
            commune = "\(place.postcode) \(place.commune)"
            kinds =
                place.kinds.isEmpty
                ? nil : place.kinds.map(services.directory.structureTypes.words).joined(separator: ", ")
            today = entry.hours?.frenchToday(day: clock.day, minute: clock.minute)
            week = entry.hours?.frenchWeek() ?? []
            hoursAsWritten = entry.hours?.isUnderstood == false ? entry.hours?.raw : nil
            phone = place.phone.map(Self.frenchPhone)
            phoneLink = place.phone.map { "tel:" + $0.filter { $0.isNumber || $0 == "+" } }
            emails = place.emails
            // Rows saved before addresses were checked may hold other schemes: those are not made links.
            websites = place.websites.filter(WebAddress.isAcceptable)
            bookingURL = place.bookingURL.flatMap { WebAddress.isAcceptable($0) ? $0 : nil }
            accessibilityURL = place.accessibilityURL.flatMap { WebAddress.isAcceptable($0) ? $0 : nil }
            self.services = place.services
            let rows: [(String, [String])] = [
                ("directory_audiences", place.audiences), ("directory_specific_support", place.specificSupport),
                ("directory_fees", place.fees),
                ("directory_access_modes", place.accessModes), ("directory_support_modes", place.supportModes),
                ("directory_itinerance", place.itinerance), ("directory_labels", place.labels + place.otherLabels),
                ("directory_programmes", place.programmes),
            ]
            lists = rows.filter { !$0.1.isEmpty }.map {
                Labelled(label: views.text($0.0, context), value: $0.1.joined(separator: ", "))
            }
            updated =
                Day(iso: place.updatedOn).map {
                    DateFormatting.day(Int64($0.number) * 86_400 + 43_200, language: context.language)
                } ?? place.updatedOn
            stale = clock.isStale(place.updatedOn)
            mapLink = entry.point.map {
                "https://www.openstreetmap.org/?mlat=\($0.latitude)&mlon=\($0.longitude)#map=17/\($0.latitude)/\($0.longitude)"
            }
        }
    }
}
