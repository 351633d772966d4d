/// Rows of `support_bodies`: a structure d'accompagnement (PAVA, DLA, Ligue, réseau…).
struct SupportBody: Codable, Sendable {
    var id: String
    var name: String
    var departement: String?
    var description: String
    var createdAt: Int64
    /// `pending` until the administrator or an editor checks it is a real support body; associations
    /// find and grant only `vetted` ones (`refused` ones stay visible to their advisors, with the note).
    var vetting: String = Vetting.pending.rawValue
    var vettedAt: Int64? = nil
    var vettingNote: String = ""

    enum Vetting: String, Sendable, CaseIterable { case pending, vetted, refused }

    var isVetted: Bool { vetting == Vetting.vetted.rawValue }
}
