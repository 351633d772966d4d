import EclairageDomain

extension DemoData {
    /// A vetted support body whose advisor (`conseil@example.org`) follows the first `count` demo
    /// associations: each granted access with its plan, three plan steps (one overdue, one done) and a
    /// note, so the dashboard has real work to sort. Run after `insert`.
    public func follow(_ count: Int, password: String, seed: UInt64 = 7) async throws -> Int {
        var random = SeededGenerator(seed: seed)
        let now = services.time.now()
        let advisor = User(
            id: services.tokens.identifier(), email: "conseil@example.org", displayName: "Conseillère de démonstration",
            passwordHash: try await services.hashPassword(password), isAdmin: 0, locale: "fr", createdAt: now,
            passwordChangedAt: now)
        let body = SupportBody(
            id: services.tokens.identifier(), name: "Point d'appui de démonstration", departement: "37",
            description: "", createdAt: now, vetting: SupportBody.Vetting.vetted.rawValue, vettedAt: now)
        let today = DateFormatting.parisDay(now)
        let associations = try await services.database.read {
            try await DemoDataQueries.firstAssociations(count, in: $0)
        }
        var grants: [(String, Int64)] = []
        var steps: [PlanQueries.Step] = []
        var notes: [NoteQueries.Note] = []
        for association in associations {
            grants.append((association, now - Int64.random(in: 0...(86_400 * 300), using: &random)))
            for (index, status) in [PlanStatus.todo, .doing, .done].enumerated() {
                let id = services.tokens.identifier()
                let due = Day(number: today.number + Int.random(in: -60...60, using: &random))
                steps.append(
                    PlanQueries.Step(
                        id: id, associationId: association, diagnosticId: nil, kind: "own", reference: id,
                        title: "Étape \(index + 1)", createdBy: advisor.id, createdAt: now, status: status.rawValue,
                        dueOn: due.iso, updatedAt: now, closedAt: status.isOpen ? nil : now))
            }
            notes.append(
                NoteQueries.Note(
                    id: services.tokens.identifier(), associationId: association, supportBodyId: body.id,
                    authorId: advisor.id, authorName: advisor.displayName,
                    notedOn: Day(number: today.number - Int.random(in: 0...200, using: &random)).iso,
                    text: "Entretien de suivi.", internal: 0, minutes: 45, createdAt: now))
        }
        try await services.database.transaction { [grants, steps, notes] sql in
            try await DemoDataQueries.insert([advisor], into: "users", in: sql)
            try await SupportBodyQueries.insert(body, in: sql)
            try await AdvisorQueries.add(advisor.id, to: body.id, now: now, in: sql)
            for (association, at) in grants {
                try await GrantQueries.grant(
                    association: association, body: body.id, by: advisor.id, sharesPlan: true, sharesInventory: false,
                    message: "", now: at, in: sql)
            }
            try await DemoDataQueries.insert(steps, into: "plan_steps", in: sql)
            try await DemoDataQueries.insert(notes, into: "advisor_notes", in: sql)
        }
        return associations.count
    }
}
