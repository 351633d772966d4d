import EclairageDomain

/// Creating the instance administrator from the command line.
public enum Admins {
    public enum Problem: Error, CustomStringConvertible {
        case email, password(String)
        public var description: String {
            switch self {
            case .email: "Adresse électronique invalide."
            case .password(let reason): "Mot de passe refusé : \(reason)"
            }
        }
    }

    /// Creates the account, or makes an existing account administrator (its password then changes too).
    public static func create(email rawEmail: String, name: String, password: String, services: AppServices)
        async throws -> String
    {
        let email = EmailAddress.normalise(rawEmail)
        guard EmailAddress.isPlausible(email) else { throw Problem.email }
        if let problem = services.passwordProblem(password, email: email, name: name) {
            throw Problem.password(services.views.translations.text(problem.key, .fr, problem.values))
        }
        let hash = try await services.hashPassword(password)
        return try await services.database.transaction { sql in
            let now = services.time.now()
            if let existing = try await UserQueries.find(email: email, in: sql) {
                try await UserQueries.updatePassword(userID: existing.id, hash: hash, now: now, in: sql)
                try await UserQueries.makeAdmin(userID: existing.id, in: sql)
                return existing.id
            }
            let user = User(
                id: services.tokens.identifier(), email: email, displayName: name, passwordHash: hash, isAdmin: 1,
                locale: "fr", createdAt: now, passwordChangedAt: now)
            try await UserQueries.insert(user, in: sql)
            return user.id
        }
    }
}
