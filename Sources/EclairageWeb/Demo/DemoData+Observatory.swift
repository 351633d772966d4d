import EclairageDomain

/// Observatory records for the benchmarks (100,000 and 1,000,000 diagnostics): written directly,
/// spread over the départements, the last 36 months, the levels and the tags, the same for a seed.
extension DemoData {
    /// Inserts `count` records, `batch` per transaction; returns how many were written.
    public func insertObservatory(_ count: Int, seed: UInt64 = 2026, batch: Int = 10_000) async throws -> Int {
        var random = SeededGenerator(seed: seed)
        let now = services.time.now()
        let months = Self.months(endingAt: ParisTime(unixTime: now), count: 36)
        let codes = services.departements.map(\.code)
        let questionnaire = services.questionnaire
        let themes = questionnaire.themes.map(\.id)
        let toolTags = questionnaire.context.filter(\.isToolQuestion).map { question in
            (question.need, question.options.flatMap(\.tags).filter { $0.hasPrefix("uses:") }.map { $0.dropFirst(5) })
        }
        let sizes = ["tiny", "small", "medium", "large"]
        let difficulties = ["difficulty:human", "difficulty:financial", "difficulty:technical"]
        var written = 0
        while written < count {
            var rows: [ObservatoryRecordRow] = []
            for _ in 0..<min(batch, count - written) {
                let base = Int.random(in: 10...95, using: &random)
                var scores: [String: Int] = [:]
                for theme in themes {
                    scores[theme] = max(0, min(100, base + Int.random(in: -25...25, using: &random)))
                }
                let overall = scores.values.reduce(0, +) / max(1, scores.count)
                var tags = Set<String>()
                var free = false
                for (need, tools) in toolTags where !tools.isEmpty && Bool.random(using: &random) {
                    let tool = String(tools.randomElement(using: &random)!)
                    tags.insert("uses-for:\(need):\(tool)")
                    free = free || services.catalogue.tool(tool)?.freeSoftware == true
                }
                if !tags.isEmpty { tags.insert(free ? "free-software:yes" : "free-software:no") }
                for (theme, score) in scores where score < ObservatoryRecord.attentionBelow {
                    tags.insert("attention:\(theme)")
                }
                for difficulty in difficulties where Int.random(in: 0..<3, using: &random) == 0 {
                    tags.insert(difficulty)
                }
                if !tags.contains(where: { $0.hasPrefix("difficulty:") }) { tags.insert("difficulty:none") }
                let record = ObservatoryRecord(
                    month: months.randomElement(using: &random)!, departement: codes.randomElement(using: &random),
                    sizeBand: sizes.randomElement(using: &random), questionnaireVersion: questionnaire.version,
                    overall: overall, level: Level.of(score: overall), scores: scores, tags: tags.sorted())
                let hex = String(random.next(), radix: 16)
                let id = String(repeating: "0", count: 16 - hex.count) + hex
                rows.append(ObservatoryRecordRow(record, id: id, diagnosticID: nil, associationID: nil, now: now))
            }
            try await services.database.transaction { [rows] sql in
                try await ObservatoryQueries.insert(rows, in: sql)
                for month in Set(rows.map(\.month)) { try await ObservatoryRecords.markPending(month: month, in: sql) }
            }
            written += rows.count
        }
        return written
    }

    /// "YYYY-MM" of the `count` months ending with `clock`'s.
    static func months(endingAt clock: ParisTime, count: Int) -> [String] {
        (0..<count).map { back in
            let index = clock.year * 12 + clock.month - 1 - back
            let month = index % 12 + 1
            return "\(index / 12)-\(month < 10 ? "0" : "")\(month)"
        }
    }
}
