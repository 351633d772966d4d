/// Rows of `support_bodies`: a structure d'accompagnement (PAVA, DLA, Ligue, réseau…).
struct SupportBody: Codable, Sendable {
    var id: String
    var name: String
    var departement: String?
    var description: String
    var createdAt: Int64
}
