import Hummingbird

/// Where to go back after signing in, signing up or creating an association: a path of this site,
/// given as `retour` in the link and then in the form; anything else is ignored (no open redirect).
enum ReturnPath {
    static let name = "retour"

    static func query(_ request: Request) -> String? {
        request.queryFields.get(name).flatMap(LocalPath.checked)
    }

    static func form(_ context: AppRequestContext) -> String? {
        context.form[name].flatMap(LocalPath.checked)
    }

    /// `url` with `?retour=` the path to come back to.
    static func link(_ url: SiteURL, back: SiteURL) -> String {
        "\(url.path)?\(name)=\(back.path)"
    }
}
