import EclairageDomain
import Hummingbird

/// Signing in and out.
enum SignInController {
    /// A hash to compare against when the address is unknown, so both cases take the same time.
    static let decoyHash = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5oS8Z0pYpQ1Xc6K8r9m1i8bJfJ0cKQe"

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let back = ReturnPath.query(request)
        if context.identity != nil { return back.map { redirect(toPath: $0) } ?? redirect(to: .associations) }
        return services.views.render(
            "sign-in", title: "signin.title", content: SignInPage.Model(form: .empty, returnTo: back),
            context: context)
    }

    @Sendable static func submit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let form = try context.decodeForm(SignInForm.self)
        let email = EmailAddress.normalise(form.email)
        let password = form.password
        let address = ClientAddress.of(request, context: context)
        let limiter = RateLimiter(services)
        // Counted before the password is hashed: a burst sent at once stops at the limit.
        let decision = try await limiter.attempt([
            (RateLimiter.signInAccount, email), (RateLimiter.signInAddress, address),
        ])
        if case .blocked(let minutes) = decision {
            let message = services.views.text(
                "signin.throttled", context,
                ["minutes": services.views.plural("duration.minutes", count: minutes, context)])
            let state = FormState(values: ["email": email], errors: [:], errorList: [])
            return services.views.render(
                "sign-in", title: "signin.title",
                content: SignInPage.Model(form: state, blockedMessage: message, returnTo: ReturnPath.form(context)),
                context: context, status: .tooManyRequests
            )
        }
        let user = try await services.database.read { try await UserQueries.find(email: email, in: $0) }
        let matches = try await services.verifyPassword(password, hash: user?.passwordHash ?? decoyHash)
        guard let user, matches else {
            let state = FormState(
                values: ["email": email], messages: ["password": services.views.text("signin.failed", context)],
                order: ["password"], views: services.views, context: context)
            return services.views.render(
                "sign-in", title: "signin.title",
                content: SignInPage.Model(form: state, returnTo: ReturnPath.form(context)),
                context: context, status: .unauthorized)
        }
        try await limiter.clear(RateLimiter.signInAccount, email)
        try await limiter.forgive(RateLimiter.signInAddress, address)
        try await UserSession.start(for: user, request: request, context: context, services: services)
        if let back = ReturnPath.form(context) { return redirect(toPath: back, flash: "signin.welcome") }
        return redirect(to: .associations, flash: "signin.welcome")
    }

    @Sendable static func signOut(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        UserSession.end(redirect(to: .home, flash: "signout.done"), context: context, services: services)
    }
}
