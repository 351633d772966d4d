import Hummingbird

/// Files the site hands out (exports): an attachment with its name, CSV with a byte-order mark so that
/// spreadsheets read UTF-8, and the separator the request asks for.
enum Download {
    static func file(_ body: ByteBuffer, type: String, name: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    static func csv(_ text: String, name: String) -> Response {
        file(ByteBuffer(string: "\u{FEFF}" + text), type: "text/csv; charset=utf-8", name: name)
    }

    /// `?separateur=point-virgule`: the separator French spreadsheets expect; a comma otherwise.
    static func csvSeparator(_ request: Request) -> Character {
        request.queryFields.get("separateur") == "point-virgule" ? ";" : ","
    }
}
