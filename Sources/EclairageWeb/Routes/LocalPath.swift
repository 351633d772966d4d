/// A path of this site, as a place to go back to (after signing in, or choosing a language).
enum LocalPath {
    /// The path, or nil: only letters, digits and `-._~/`, one leading slash. `//host`, `/\\host` and
    /// their encoded forms (`url.path` is already decoded) would leave the site.
    static func checked(_ path: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        guard path.hasPrefix("/"), !path.hasPrefix("//"), path.count <= 512, path.allSatisfy({ allowed.contains($0) })
        else { return nil }
        return path
    }
}
