/// A tool or service of the catalogue: free software or proprietary, with what it costs and where data lives.
public struct Tool: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case online, desktop, mobile, server }
    /// Where the data lives: the EU, a country with an EU adequacy decision (Switzerland, the UK…),
    /// elsewhere, on one's own server, or depending on the chosen host.
    public enum DataLocation: String, Codable, Sendable, CaseIterable {
        case eu, adequate = "adequate-country", outsideEU = "outside-eu", own = "self", varies
    }
    /// Where a desktop or mobile tool runs; `web` for a browser.
    public enum Platform: String, Codable, Sendable, CaseIterable { case windows, macos, linux, android, ios, web }
    public enum CostModel: String, Codable, Sendable, CaseIterable { case free, freemium, paid, donation }
    /// What a freemium tool's free tier counts: accounts (people), people editing at the same time,
    /// answers a month, mails a day.
    public enum FreeTierUnit: String, Codable, Sendable, CaseIterable {
        case accounts, editors = "simultaneous-editors", responses = "responses-per-month", mails = "mails-per-day"
    }

    public struct Cost: Codable, Sendable, Equatable {
        public let model: CostModel
        public let range: String

        enum CodingKeys: String, CodingKey { case model, range }
    }

    public struct HostedOffer: Codable, Sendable, Equatable {
        public let name: String
        public let url: String?
        public let conditions: String?
        /// What the host does not commit to (support, uptime, how long the offer lasts): shown under
        /// "À savoir" beside the tool's own limits.
        public let limits: String?

        enum CodingKeys: String, CodingKey { case name, url, conditions, limits }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            url = try c.decodeWebAddressIfPresent(forKey: .url)
            conditions = try c.decodeIfPresent(String.self, forKey: .conditions)
            limits = try c.decodeIfPresent(String.self, forKey: .limits)
        }
    }

    public let slug: String
    public let name: String
    public let description: String
    public let needs: [String]
    public let license: String
    public let freeSoftware: Bool
    public let kinds: [Kind]
    public let equivalents: [String]
    public let cost: Cost
    public let difficulty: Int
    public let selfHostable: Bool
    public let yunohost: String?
    public let hostedOffers: [HostedOffer]
    public let dataLocation: DataLocation
    public let wikidata: String?
    public let website: String
    public let reviewed: String
    public let gains: String
    public let limits: String
    public let switching: String
    /// Systems it runs on (empty: not stated, or any browser).
    public let platforms: [Platform]
    /// For `freemium`: how many people the free tier covers (nil: the free tier does not cover an
    /// association's use, or is not stated).
    public let freeTierUsers: Int?
    /// What `freeTierUsers` counts (required with it).
    public let freeTierUnit: FreeTierUnit?
    /// A hard cap on accounts, whatever one pays (a hosted offer's limit).
    public let maxUsers: Int?
    /// The editorial order among tools that fit an association equally well (smaller first; absent
    /// after every stated one). The slug only makes the order total.
    public let order: Int?
    /// A companion of another tool (a phone app that opens the same files): never offered in its place.
    public let companionOf: String?
    /// Needs it only gives access to (a mail client reads a mailbox it does not provide): never
    /// suggested as the way to meet them, only kept when in use.
    public let clientFor: [String]
    /// Documents written in it live only in the service (a synced folder holds a link, not the text).
    public let onlineDocuments: Bool
    /// A sync or mirror tool: it copies folders as they are, and cannot back up documents that live
    /// only in an online editor.
    public let mirror: Bool
    /// The switching cost from a given tool in use, written pair by pair (slug → text).
    public let switchingFrom: [String: String]

    enum CodingKeys: String, CodingKey {
        case slug, name, description, needs, license, kinds, equivalents, cost, difficulty, yunohost, wikidata, website,
            reviewed, gains, limits, switching
        case freeSoftware = "free_software", selfHostable = "self_hostable", hostedOffers = "hosted_offers",
            dataLocation = "data_location"
        case platforms, freeTierUsers = "free_tier_users", maxUsers = "max_users", switchingFrom = "switching_from"
        case freeTierUnit = "free_tier_unit", order, companionOf = "companion_of", clientFor = "client_for"
        case onlineDocuments = "online_documents", mirror
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        slug = try c.decode(String.self, forKey: .slug)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decode(String.self, forKey: .description)
        needs = try c.decode([String].self, forKey: .needs)
        license = try c.decode(String.self, forKey: .license)
        freeSoftware = try c.decode(Bool.self, forKey: .freeSoftware)
        kinds = try c.decode([Kind].self, forKey: .kinds)
        equivalents = try c.decodeIfPresent([String].self, forKey: .equivalents) ?? []
        cost = try c.decode(Cost.self, forKey: .cost)
        difficulty = try c.decode(Int.self, forKey: .difficulty)
        selfHostable = try c.decode(Bool.self, forKey: .selfHostable)
        yunohost = try c.decodeIfPresent(String.self, forKey: .yunohost)
        hostedOffers = try c.decodeIfPresent([HostedOffer].self, forKey: .hostedOffers) ?? []
        dataLocation = try c.decode(DataLocation.self, forKey: .dataLocation)
        wikidata = try c.decodeIfPresent(String.self, forKey: .wikidata)
        website = try c.decodeWebAddress(forKey: .website)
        reviewed = try c.decode(String.self, forKey: .reviewed)
        gains = try c.decode(String.self, forKey: .gains)
        limits = try c.decode(String.self, forKey: .limits)
        switching = try c.decode(String.self, forKey: .switching)
        platforms = try c.decodeIfPresent([Platform].self, forKey: .platforms) ?? []
        freeTierUsers = try c.decodeIfPresent(Int.self, forKey: .freeTierUsers)
        maxUsers = try c.decodeIfPresent(Int.self, forKey: .maxUsers)
        freeTierUnit = try c.decodeIfPresent(FreeTierUnit.self, forKey: .freeTierUnit)
        order = try c.decodeIfPresent(Int.self, forKey: .order)
        companionOf = try c.decodeIfPresent(String.self, forKey: .companionOf)
        clientFor = try c.decodeIfPresent([String].self, forKey: .clientFor) ?? []
        onlineDocuments = try c.decodeIfPresent(Bool.self, forKey: .onlineDocuments) ?? false
        mirror = try c.decodeIfPresent(Bool.self, forKey: .mirror) ?? false
        switchingFrom = try c.decodeIfPresent([String: String].self, forKey: .switchingFrom) ?? [:]
    }

    /// Usable without running a server of one's own: an online service, an application, or a hosted offer.
    /// Usable by an association with nobody to run a server: a hosted offer the catalogue names, or
    /// something that is not server software (an application to install, a service its publisher runs).
    /// Server software with no named offer does not qualify, even when it has desktop or phone apps
    /// (they are clients of a server somebody must run) or is used online.
    public var usableWithoutServer: Bool {
        !hostedOffers.isEmpty || (!selfHostable && kinds.contains { $0 != .server })
    }

    /// An operating system (it meets the need "operating-system"): it runs the computer, it is not
    /// a program made for one system.
    public var isOperatingSystem: Bool { needs.contains("operating-system") }

    public var dataInEU: Bool { dataLocation == .eu || dataLocation == .own }

    /// Personal data may go there without extra safeguards under the GDPR: the EU, one's own server,
    /// or a country with an adequacy decision.
    public var dataProtectedByGDPR: Bool { dataInEU || dataLocation == .adequate }
}

/// A need of an association's life ("partager des fichiers"), which tools cover.
public struct Need: Codable, Sendable, Equatable {
    public let id: String
    public let name: String
    public let description: String
    public let questions: String?
    /// Risks the answers may flag that concern the tool used for this need (risk tag → what to change
    /// in how the tool is used). A tool in use is kept as it is only when none of them is flagged.
    public let risks: [String: String]
    /// A need only ever met by paying (a domain, computers): its paid offers stay in view for small budgets.
    public let bought: Bought?

    /// Which small budgets still see the paid offers of a need met by buying, and the line they read.
    public struct Bought: Codable, Sendable, Equatable {
        /// The lowest budget that sees them: `zero` ("Pas de budget") or `tight` (under 1,000 € a year).
        public let from: Constraints.Budget
        /// What buying it costs, in plain words, shown with the advice.
        public let note: String
    }

    enum CodingKeys: String, CodingKey { case id, name, description, questions, risks, bought }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decode(String.self, forKey: .description)
        questions = try c.decodeIfPresent(String.self, forKey: .questions)
        risks = try c.decodeIfPresent([String: String].self, forKey: .risks) ?? [:]
        bought = try c.decodeIfPresent(Bought.self, forKey: .bought)
    }

    public init(
        id: String, name: String, description: String, questions: String? = nil, risks: [String: String] = [:],
        bought: Bought? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.questions = questions
        self.risks = risks
        self.bought = bought
    }
}
