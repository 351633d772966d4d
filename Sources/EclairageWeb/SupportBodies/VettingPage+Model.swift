import EclairageDomain

/// The vetting queue: support bodies created on the instance wait here until the administrator or an
/// editor checks they are what they say (a PAVA, a DLA, a federation…).
enum VettingPage {}

extension VettingPage {
    struct Model: Sendable {
        let bodies: [Item]
        let form: FormState
        let failedID: String?

        struct Item: Sendable {
            let id: String
            let name: String
            let departement: String?
            let description: String
            let created: String
            let advisors: String
            let grants: String?
            let action: String
            /// The decision sent for this body came back with errors.
            let failed: Bool
        }

        static func make(
            _ bodies: [SupportBody], advisors: [String: [String]], grants: [String: Int], form: FormState,
            failedID: String?, context: AppRequestContext, services: AppServices
        ) -> Self {
            Self(
                bodies: bodies.map { body in
                    Item(
                        id: body.id, name: body.name, departement: body.departement, description: body.description,
                        created: DateFormatting.day(body.createdAt, language: context.language),
                        advisors: (advisors[body.id] ?? []).joined(separator: ", "),
                        grants: (grants[body.id] ?? 0) == 0
                            ? nil
                            : services.views.plural("vetting.grants", count: grants[body.id] ?? 0, context),
                        action: SiteURL.supportBodyVet(body.id).path, failed: body.id == failedID)
                }, form: form, failedID: failedID)
        }
    }
}
