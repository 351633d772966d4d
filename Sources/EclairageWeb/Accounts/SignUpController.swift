import EclairageDomain
import Hummingbird

/// Creating an account. When the site sends mail, the address is confirmed by an e-mailed link and
/// the page answers the same whether or not the address already has an account (its owner gets a
/// mail saying so): the form tells nobody who is registered. Without mail, the account is created at
/// once and a taken address is said plainly, as there is no other way to tell the person.
enum SignUpController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        if context.identity != nil { return redirect(to: .associations) }
        return services.views.render(
            "sign-up", title: "signup.title",
            content: SignUpPage.Model(form: .empty, returnTo: ReturnPath.query(request)),
            context: context)
    }

    @Sendable static func submit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let form = try context.decodeForm(SignUpForm.self)
        let name = form.name
        let email = EmailAddress.normalise(form.email)
        let existing =
            EmailAddress.isPlausible(email)
            ? try await services.database.read({ try await UserQueries.find(email: email, in: $0) }) : nil
        if let refused = form.refusal(
            taken: existing != nil && !services.sendsMail, context: context, services: services)
        {
            return services.views.render(
                "sign-up", title: "signup.title",
                content: SignUpPage.Model(form: refused, returnTo: ReturnPath.form(context)), context: context,
                status: .unprocessableContent)
        }
        // Counted before the password is hashed; per recipient only when a mail goes to the address.
        let address = ClientAddress.of(request, context: context)
        if let refusal = try await RateLimiter(services).attempt(
            .signUp, from: address, to: services.sendsMail ? email : nil)
        {
            let message = FormLimit.signUp.message(refusal, views: services.views, context: context)
            let state = FormState(values: form.redisplayed, errors: [:], errorList: [])
            return services.views.render(
                "sign-up", title: "signup.title", content: SignUpPage.Model(form: state, blockedMessage: message),
                context: context, status: .tooManyRequests)
        }
        let passwordHash = try await services.hashPassword(form.password)
        guard services.sendsMail else {
            let now = services.time.now()
            let user = User(
                id: services.tokens.identifier(), email: email, displayName: name, passwordHash: passwordHash,
                isAdmin: 0, locale: context.language.rawValue, createdAt: now, passwordChangedAt: now
            )
            try await services.database.write { try await UserQueries.insert(user, in: $0) }
            try await UserSession.start(for: user, request: request, context: context, services: services)
            return redirect(toPath: ReturnPath.form(context) ?? SiteURL.associations.path, flash: "signup.welcome")
        }
        if let existing {
            try await services.outbox.enqueue(AccountMails.existingAccount(existing, services: services))
        } else {
            try await SignUpConfirmation.request(
                email: email, name: name, passwordHash: passwordHash, language: context.language, services: services)
        }
        let sent = services.views.text("signup.sent", context, ["email": email])
        return services.views.render(
            "sign-up", title: "signup.title", content: SignUpPage.Model(form: .empty, sentMessage: sent),
            context: context)
    }

    /// The e-mailed link: the account is created (if the address is still free) and signed in.
    @Sendable static func confirm(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let token = try context.parameters.require("token")
        let created = try await SignUpConfirmation.confirm(token, services: services)
        guard let created else { throw PageError(status: .notFound, messageKey: "signup.confirm_invalid") }
        try await UserSession.start(for: created, request: request, context: context, services: services)
        return redirect(to: .associations, flash: "signup.welcome")
    }
}
