import EclairageDomain

/// One association's page: its profile, diagnostics, plan, members, the support bodies it lets in and
/// who of them read what.
enum AssociationPage {}

extension AssociationPage {
    struct Model: Sendable, Equatable {
        let association: Association
        let isOwner: Bool
        let isMember: Bool
        let isAdvisor: Bool
        let details: [Detail]
        let members: [Member]
        let grants: [Grant]
        let supportLink: String?
        let requestsNotice: String?
        let followLink: String?
        let usagesLink: String
        let transferable: [Choice]
        let editLink: String
        let inviteAction: String
        let leaveAction: String
        let transferAction: String
        let invitationLink: String?
        let diagnostics: [DiagnosticItem]
        let plan: Plan?
        /// Advisors' reads, grouped, shown to members.
        let reads: [Read]
        let startDiagnosticAction: String
        /// Members always; advisors while the association shares its inventory with their body.
        let inventoryLink: String?
        /// The documents filled in from the inventory and register: shown where the inventory is.
        let documentsLink: String?
        /// The year's deadlines, derived from the inventory, handovers and register: shown where the inventory is.
        let deadlinesLink: String?
        /// "3 points to look at in the inventory", for members.
        let inventoryAlerts: String?
        /// Anonymous diagnostics started in this browser, which a member can attach here.
        let deviceDiagnostics: [DeviceDiagnostic]

        struct DeviceDiagnostic: Sendable, Equatable {
            let date: String
            let link: String
            let attachAction: String
        }
        struct Detail: Sendable, Equatable {
            let label: String
            let value: String
        }
        struct Member: Sendable, Equatable {
            let name: String
            let email: String?
            let roleLabel: String
        }
        struct Grant: Sendable, Equatable {
            let name: String
            let readers: String?
        }
        struct Choice: Sendable, Equatable {
            let id: String
            let name: String
        }
        struct DiagnosticItem: Sendable, Equatable {
            let date: String
            let link: String
            let level: String?
        }
        struct Plan: Sendable, Equatable {
            let link: String
            let progress: String
            let next: [String]
            let proposals: String?
        }
        struct Read: Sendable, Equatable {
            let date: String
            let text: String
        }
    }
}
