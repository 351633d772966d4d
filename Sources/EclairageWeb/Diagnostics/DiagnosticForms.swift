/// The diagnostic's forms other than the questions themselves (their check boxes repeat a name, so
/// the answers are read from `FormData.values`).
struct AttachForm: Decodable {
    @FormText var association: String
}
