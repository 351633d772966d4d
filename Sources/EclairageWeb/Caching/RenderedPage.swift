import Hummingbird
import NIOCore

/// Signed-in pages rendered once for what they show: the HTML of a page is kept under whose page it
/// is (its subject and its reader) with the whole model it was rendered from and what the layout
/// reads of the request (`Reader`); a request whose model and reader are equal, compared whole, gets
/// those bytes with its own form token written in, with no rendering. Exact by construction: any
/// change to what the page shows changes the model, so it is a miss. The model is still made on
/// each request (its computed parts from `ReportCache`): only the rendering is saved.
enum RenderedPage {
    /// What the layout reads of the request besides the model.
    struct Reader: Equatable, Sendable {
        let language: Language
        let audience: Translations.Audience
        let name: String?
        let admin: Bool?
        let flash: String?

        init(_ context: AppRequestContext) {
            language = context.language
            audience = context.audience
            name = context.identity?.displayName
            admin = context.identity?.admin
            flash = context.flash
        }
    }

    /// What a rendering is made from: the template, the title, the model and the reader.
    struct Basis: Equatable, Sendable {
        let template: String
        let title: String
        let titleValues: [String: String]
        let content: any Equatable & Sendable
        let reader: Reader

        static func == (left: Basis, right: Basis) -> Bool {
            left.template == right.template && left.title == right.title && left.titleValues == right.titleValues
                && left.reader == right.reader && left.content.isEqual(to: right.content)
        }
    }

    /// Renders `template` as `Views.render` does; `key` names whose page it is (say the diagnostic and
    /// the person reading), so that one person's page never pushes out the page of another's subject.
    static func render<Content: Sendable & Equatable>(
        _ template: String, title: String, titleValues: [String: String] = [:], content: Content, key: String,
        context: AppRequestContext, services: AppServices
    ) -> Response {
        let views = services.views
        let basis = Basis(
            template: template, title: title, titleValues: titleValues, content: content, reader: Reader(context))
        let kept = services.renderedPages.value(for: "\(template)|\(key)", basis: basis) {
            views.html(template, title: title, titleValues: titleValues, content: content, context: context).map {
                PageCache.Entry(html: $0)
            }
        }
        guard let kept else {
            return views.render(template, title: title, titleValues: titleValues, content: content, context: context)
        }
        var body = kept.body
        CachedPage.fill(&body, slots: kept.formSlots, context: context)
        return Response(status: .ok, headers: kept.headers, body: .init(byteBuffer: body))
    }
}

extension Equatable {
    /// Whether `other` is a value of this type equal to this one.
    func isEqual(to other: any Equatable) -> Bool { (other as? Self) == self }
}

extension PageCache.Entry {
    /// A page's HTML, with where its form token slots are.
    init(html: String) {
        let body = ByteBuffer(string: html)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        self.init(status: .ok, headers: headers, body: body, formSlots: Self.formSlots(in: body), gzipped: nil)
    }
}
