import Hummingbird
import HummingbirdAuth
import Logging

/// Builds the router: middleware in the order a request meets them, then the routes.
public func buildRouter(services: AppServices) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    let configuration = services.configuration
    router.addMiddleware {
        SecurityHeadersMiddleware<AppRequestContext>(
            https: configuration.secureCookies, tiles: configuration.mapTilesOrigin)
        ErrorPageMiddleware(views: services.views)
        SessionMiddleware<AppRequestContext>(
            storage: services.sessionStore,
            configuration: .init(
                sessionCookieParameters: .init(
                    name: "SESSION_ID", path: "/", secure: configuration.secureCookies, sameSite: .lax),
                defaultSessionExpiration: .seconds(Int64(configuration.sessionIdleMinutes) * 60)
            )
        )
        SessionUserMiddleware(
            database: services.database,
            time: services.time,
            idleSeconds: Int64(configuration.sessionIdleMinutes) * 60,
            maxSeconds: Int64(configuration.sessionMaxHours) * 3600
        )
        LanguageMiddleware()
        FlashMiddleware()
        ErrorPageMiddleware(views: services.views)
        CSRFMiddleware(secureCookies: configuration.secureCookies)
    }
    registerRoutes(on: router, services: services)
    return router
}

/// Builds the whole application for `serve` (and for tests that want a real server).
/// Once the server listens, the memory start-up used (content parsing, template compiling) goes back
/// to the system.
public func buildApplication(services: AppServices, hostname: String, port: Int, logger: Logger)
    -> some ApplicationProtocol
{
    Application(
        router: buildRouter(services: services),
        configuration: .init(address: .hostname(hostname, port: port), serverName: "Eclairage"),
        services: [SchedulerService(scheduler: services.scheduler, tick: .seconds(5))],
        onServerRunning: { _ in StartupMemory.release() },
        logger: logger
    )
}
