import Foundation
import Testing

@testable import EclairageDomain

/// Personas of our own, against the shipped catalogue.
@Suite("Recommendations fitted to each association")
struct RecommenderTests {
    let catalogue: Catalogue
    let recommender: Recommender

    init() throws {
        catalogue = try Catalogue.load(from: contentDirectory)
        recommender = Recommender(catalogue: catalogue)
    }

    @Test("The catalogue loads: 120+ tools, 25+ needs, every need covered, the seeds' tools present")
    func catalogueLoads() throws {
        #expect(catalogue.tools.count >= 120)
        #expect(catalogue.needs.count >= 25)
        for need in catalogue.needs { #expect(!catalogue.tools(for: need.id).isEmpty, "\(need.id) has no tool") }
        for slug in [
            "yunohost", "nextcloud", "galette", "dolibarr", "mobilizon", "signal", "whatsapp", "helloasso", "framadate",
            "zourit", "ohme", "canva", "facebook",
        ] {
            #expect(catalogue.tool(slug) != nil, "\(slug) missing")
        }
        let questionnaire = try QuestionnaireLoader.load(from: contentDirectory)
        let sheets = try AwarenessSheet.loadAll(from: contentDirectory, themeIDs: Set(questionnaire.themes.map(\.id)))
        try catalogue.checkReferences(questionnaire: questionnaire, sheets: sheets)
    }

    @Test("Zero budget, no technical help, little skill: no paid tool, nothing that needs a server, easy options")
    func smallVolunteerClub() {
        let tags: Set<String> = [
            "budget:zero", "help:none", "skills:low", "time:little", "values:medium",
            "need:passwords", "need:file-sharing", "need:accounting", "need:website", "need:backup", "need:members",
        ]
        let recommendations = recommender.recommend(tags: tags, limit: 10)
        #expect(recommendations.count >= 5)
        for recommendation in recommendations {
            for tool in [recommendation.advice.tool] + recommendation.alternatives {
                #expect(tool.cost.model != .paid, "\(tool.slug) is paid")
                #expect(tool.usableWithoutServer, "\(tool.slug) needs a server")
            }
            if case .suggest(let tool) = recommendation.advice {
                #expect(
                    tool.difficulty == 1 || recommendation.alternatives.allSatisfy { $0.difficulty >= tool.difficulty })
                #expect(recommendation.reasons.contains(.answersPointHere))
                #expect(recommendation.switching?.note.isEmpty == false)
            }
        }
    }

    @Test("Already on a fitting tool: keep it instead of pushing a change")
    func keepWhatWorks() throws {
        let tags: Set<String> = ["budget:small", "values:low", "uses:whatsapp", "need:group-chat"]
        let recommendation = try #require(recommender.recommend(tags: tags).first { $0.need.id == "group-chat" })
        #expect(recommendation.advice == .keep(catalogue.tool("whatsapp")!))
        #expect(recommendation.reasons == [.alreadyUsed("WhatsApp")])
        // values matter little: the free alternative and its cost are there for whoever wants them, folded
        #expect(recommendation.alternativesFolded && recommendation.alternatives.allSatisfy { $0.freeSoftware })
    }

    @Test("Values matter a lot: a proprietary tool in use leads to free alternatives that replace it")
    func valuesFirst() throws {
        let tags: Set<String> = ["budget:small", "values:high", "help:none", "skills:medium", "uses:google-drive"]
        let recommendation = try #require(recommender.recommend(tags: tags).first { $0.need.id == "file-sharing" })
        guard case .suggest(let tool) = recommendation.advice else {
            Issue.record("expected a suggestion")
            return
        }
        #expect(tool.freeSoftware)
        #expect(recommendation.reasons.contains(.replaces(["Google Drive"])))
        #expect(recommendation.switching?.replacing == ["Google Drive"])
        #expect(tool.usableWithoutServer)
    }

    @Test("A technical member and high skills: self-hosting becomes possible and is said so")
    func technicalHelp() throws {
        let tags: Set<String> = ["budget:medium", "values:high", "help:member", "skills:high", "need:file-sharing"]
        let recommendation = try #require(recommender.recommend(tags: tags).first)
        #expect(recommendation.advice.tool.freeSoftware)
        if recommendation.advice.tool.selfHostable { #expect(recommendation.reasons.contains(.selfHostWithHelp)) }
    }

    @Test("Deterministic: the advice does not depend on the order the catalogue or the tags come in")
    func deterministic() {
        let tags: [String] = [
            "budget:zero", "values:medium", "need:polls", "need:video-meetings", "uses:doodle", "uses:zoom",
        ]
        let advice = recommender.recommend(tags: Set(tags))
        #expect(!advice.isEmpty)
        // Ties between tools must be broken by something stable, not by the order the tool files were
        // read in: tools listed backwards, or shuffled, give exactly the same advice. (Needs keep the
        // catalogue's order on purpose: content editors choose it.)
        var generator = SeededGenerator(seed: 42)
        for tools in [
            catalogue.tools.reversed(), catalogue.tools.shuffled(using: &generator),
            catalogue.tools.shuffled(using: &generator),
        ] {
            let other = Recommender(catalogue: Catalogue(needs: catalogue.needs, tools: Array(tools)))
            #expect(other.recommend(tags: Set(tags.reversed())) == advice)
        }
    }
}
