import EclairageDomain
import Foundation
import Hummingbird

/// The catalogue's filters, read from the query string, each with a count of matching tools.
struct CatalogueFilters: Sendable {
    var query = ""
    var need: String?
    var freeOnly = false
    var selfHostable = false
    var dataInEU = false
    var cost: Tool.CostModel?
    var difficulty: Int?
    var page = 1

    init(_ request: Request) {
        let params = request.queryFields
        query = String((params["q"] ?? "").prefix(500))
        need = params["besoin"].flatMap { $0.isEmpty ? nil : $0 }
        freeOnly = params["libre"] == "1"
        selfHostable = params["autoheberge"] == "1"
        dataInEU = params["ue"] == "1"
        cost = params["cout"].flatMap { Tool.CostModel(rawValue: String($0)) }
        difficulty = params["difficulte"].flatMap { Int(String($0)) }.flatMap { (1...3).contains($0) ? $0 : nil }
        page = params["page"].flatMap { Int(String($0)) }.map { max(1, min($0, 50)) } ?? 1
    }

    /// Every filter except the one named: used to count what each choice would give.
    func matches(_ tool: Tool, ignoring: String? = nil) -> Bool {
        if ignoring != "besoin", let need, !tool.needs.contains(need) { return false }
        if ignoring != "libre", freeOnly, !tool.freeSoftware { return false }
        if ignoring != "autoheberge", selfHostable, !tool.selfHostable { return false }
        if ignoring != "ue", dataInEU, !tool.dataInEU { return false }
        if ignoring != "cout", let cost, tool.cost.model != cost { return false }
        if ignoring != "difficulte", let difficulty, tool.difficulty != difficulty { return false }
        return true
    }

    /// The query string for these filters with one change (for links such as the next page).
    func query(page: Int) -> String {
        QueryString.make([
            ("q", query), ("besoin", need), ("libre", freeOnly ? "1" : nil), ("autoheberge", selfHostable ? "1" : nil),
            ("ue", dataInEU ? "1" : nil),
            ("cout", cost?.rawValue), ("difficulte", difficulty.map(String.init)),
            ("page", page > 1 ? String(page) : nil),
        ])
    }
}
