/// The small pieces of RFC 5545 syntax: escaping values, folding long lines, writing dates.
enum ICalendarFormat {
    /// A TEXT value (§3.3.11): `\` `;` `,` escaped, every line break as `\n`, other control characters
    /// dropped (a tab is kept).
    static func text(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !afterCR { out.append(contentsOf: "\\n".unicodeScalars) }  // CR LF is one break
            case "\t": out.append(scalar)
            default: if !isControl(scalar) { out.append(scalar) }
            }
            afterCR = scalar == "\r"
        }
        return String(out)
    }

    /// A parameter value such as CN (§3.2): no control characters nor double quotes (made `'`),
    /// quoted when it holds `:` `;` or `,`.
    static func parameter(_ value: String) -> String {
        let clean = String(
            String.UnicodeScalarView(value.unicodeScalars.map { isControl($0) ? " " : $0 == "\"" ? "'" : $0 }))
        return clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(clean)\"" : clean
    }

    /// A URI value (URL, mailto:): not escaped, but spaces and control characters removed so that
    /// nothing can break the line.
    static func uri(_ value: String) -> String {
        String(
            String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 && $0 != "\u{7F}" && $0 != "\"" }))
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    /// A content line folded at 75 octets of UTF-8 (§3.1): each continuation line starts with one
    /// space, which counts in its 75. Cuts fall between Unicode scalars, never inside one.
    static func fold(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > 75 {
                out.append(contentsOf: "\r\n ".unicodeScalars)
                octets = 1
            }
            out.append(scalar)
            octets += width
        }
        return String(out)
    }

    /// "20270327T090000Z": a UTC DATE-TIME (DTSTAMP, LAST-MODIFIED).
    static func utc(_ unixTime: Int64) -> String {
        let day = Day(unixTime: unixTime)
        let (y, m, d) = day.civil
        let seconds = Int(unixTime - Int64(day.number) * 86_400)
        return basic(y, m, d, seconds / 3600, seconds / 60 % 60, seconds % 60) + "Z"
    }

    /// "20270327T100000": the French clock at `unixTime`, for `;TZID=Europe/Paris:`.
    static func paris(_ unixTime: Int64) -> String {
        let t = ParisTime(unixTime: unixTime)
        return basic(t.year, t.month, t.day, t.hour, t.minute, t.second)
    }

    static func basic(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(y, 4) + pad(m, 2) + pad(d, 2) + "T" + pad(h, 2) + pad(mi, 2) + pad(s, 2)
    }

    /// "48.856614;2.352222" (six decimals, about 10 cm), or nil when out of range.
    static func geo(_ point: GeoPoint) -> String? {
        guard abs(point.latitude) <= 90, abs(point.longitude) <= 180 else { return nil }  // also refuses NaN
        func decimal(_ value: Double) -> String {
            let micro = Int64((abs(value) * 1_000_000).rounded())
            let fraction = String(micro % 1_000_000)
            let sign = value < 0 && micro != 0 ? "-" : ""
            return "\(sign)\(micro / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
        }
        return decimal(point.latitude) + ";" + decimal(point.longitude)
    }
}
