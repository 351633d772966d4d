/// The diagnostic's forms other than the questions themselves (their check boxes repeat a name, so
/// the answers are read from `FormData.values`).
struct AttachForm: Decodable {
    @FormText var association: String
}

/// Starting an association's diagnostic: "reprendre" = 1 starts from all the previous answers.
struct StartForm: Decodable {
    @FormText var reprendre: String
}
