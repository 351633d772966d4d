import Hummingbird

/// After a successful POST: 303 See Other to a page, with an optional one-shot message (translation key).
func redirect(to url: SiteURL, flash: String? = nil) -> Response {
    redirect(toPath: url.path, flash: flash)
}

func redirect(toPath path: String, flash: String? = nil) -> Response {
    var response = Response.redirect(to: path, type: .normal)
    if let flash {
        let cookie = Cookie(
            name: FlashMiddleware.cookieName, value: flash, maxAge: 120, path: "/", httpOnly: true, sameSite: .lax)
        response.headers[values: .setCookie].append(cookie.description)
    }
    return response
}

extension AppRequestContext {
    /// The signed-in person, or a refusal that invites to sign in.
    func requireUser() throws -> User {
        guard let identity else { throw PageError.signInRequired }
        return identity
    }

    /// The instance administrator.
    func requireAdmin() throws -> User {
        let user = try requireUser()
        guard user.admin else { throw PageError.forbidden }
        return user
    }

    /// One of the network's editors (or an administrator): they moderate the directory and the calendar.
    func requireEditor() throws -> User {
        let user = try requireUser()
        guard user.editor else { throw PageError.forbidden }
        return user
    }
}
