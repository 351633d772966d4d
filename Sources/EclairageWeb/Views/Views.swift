import Foundation
import Hummingbird
import Mustache
import NIOConcurrencyHelpers

/// Renders typed page models with the Mustache templates under Resources/Templates.
public struct Views: Sendable {
    let library: MustacheLibrary
    let translations: Translations
    /// The one stylesheet, read once at start.
    let stylesheet: ByteBuffer
    /// The map's progressive enhancement (used only when a tile server is configured).
    let mapScript: ByteBuffer
    /// The workshop room's live screens (server-sent events), a progressive enhancement.
    let roomScript: ByteBuffer

    public static func load() async throws -> Views {
        let resources = try resourceDirectory()
        MustacheContentTypes.register(FastHTMLEscaping(), named: "HTMLFAST")
        let library = try await MustacheLibrary(directory: resources.appendingPathComponent("Templates").path)
        let translations = try Translations.load(from: resources.appendingPathComponent("Locales"))
        let css = try String(contentsOf: resources.appendingPathComponent("Public/eclairage.css"), encoding: .utf8)
        let script = try String(contentsOf: resources.appendingPathComponent("Public/carte.js"), encoding: .utf8)
        let room = try String(contentsOf: resources.appendingPathComponent("Public/salle.js"), encoding: .utf8)
        return Views(
            library: library, translations: translations, stylesheet: ByteBuffer(string: css),
            mapScript: ByteBuffer(string: script), roomScript: ByteBuffer(string: room))
    }

    /// The copied `Resources` folder: Foundation on Linux may already point inside it, on macOS it does not.
    static func resourceDirectory() throws -> URL {
        let candidates = [
            Bundle.module.resourceURL, Bundle.module.resourceURL?.appendingPathComponent("Resources"),
            Bundle.module.bundleURL.appendingPathComponent("Resources"),
        ]
        for case let candidate? in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Locales/fr.yaml").path) {
            return candidate
        }
        throw Translations.Problem(description: "dossier de ressources introuvable à côté du programme")
    }

    /// Renders `template` inside the layout, with a title given as a translation key.
    func render<Content: Sendable>(
        _ template: String, title: String, titleValues: [String: String] = [:], content: Content,
        context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        guard let html = html(template, title: title, titleValues: titleValues, content: content, context: context)
        else {
            // A template the code names but the build did not ship: a server error, never a blank 200.
            let message =
                "<!doctype html><html lang=\"fr\"><title>Erreur</title><p>Modèle de page introuvable : \(template).</p></html>"
            return Response(
                status: .internalServerError, headers: headers, body: .init(byteBuffer: ByteBuffer(string: message)))
        }
        let bytes = ByteBuffer(string: context.fillingFormTokens(html))
        return Response(status: status, headers: headers, body: .init(byteBuffer: bytes))
    }

    /// The page's HTML, its forms' tokens still `FormToken.slot` (nil: no such template). It reads of
    /// the request only what `RenderedPage.Reader` holds.
    func html<Content: Sendable>(
        _ template: String, title: String, titleValues: [String: String] = [:], content: Content,
        context: AppRequestContext
    ) -> String? {
        let language = context.language
        let other: Language = language == .fr ? .en : .fr
        let layout = Layout(
            lang: language.rawValue,
            title: translations.text(title, language, titleValues),
            csrf: FormToken.slot,
            user: context.identity.map { .init(displayName: $0.displayName, admin: $0.admin) },
            flash: context.flash.map { translations.text($0, language) },
            links: .init(),
            otherLanguage: .init(
                href: SiteURL.language(other.rawValue).path, label: other == .en ? "English" : "Français",
                code: other.rawValue),
            stylesheet: SiteURL.stylesheet.path
        )
        let page = Page(layout: layout, content: content, t: translations.table(language, for: context.audience))
        Self.renderLog?.record(template, page)
        return library.render(TemplateValue.flatten(page) ?? [:], withTemplate: template)
    }

    /// Renders a fragment (no layout) — for parts of pages that are cached.
    func fragment<Content: Sendable>(_ template: String, content: Content, language: Language) -> String {
        Self.renderLog?.record(
            template, ["content": content, "t": translations.table(language)] as [String: any Sendable])
        let model: [String: Any] = [
            "content": TemplateValue.flatten(content) ?? [:], "t": translations.table(language),
        ]
        return library.render(model, withTemplate: template) ?? ""
    }

    func text(_ key: String, _ context: AppRequestContext, _ values: [String: String] = [:]) -> String {
        translations.text(key, context.language, values, for: context.audience)
    }
}

/// Every template rendered, with the model it got, while a test sets `Views.renderLog`: the template
/// test checks each `{{…}}` tag against those models. Nil (and free) everywhere else.
final class RenderLog: Sendable {
    let renders = NIOLockedValueBox<[(template: String, model: any Sendable)]>([])

    func record(_ template: String, _ model: any Sendable) {
        renders.withLockedValue { $0.append((template, model)) }
    }
}

extension Views {
    @TaskLocal static var renderLog: RenderLog?
}
