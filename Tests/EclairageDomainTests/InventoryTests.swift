import Foundation
import Testing

@testable import EclairageDomain

@Suite("Inventory: secrets refused, alerts, recovery chains, handover")
struct InventoryTests {
    /// What "looks like a password" means: this table is the definition.
    @Test(
        "Looks like a password",
        arguments: [
            ("coffre KeePassXC partagé du bureau", false),
            ("Pièces comptables : 10 ans (Code de commerce, art.\u{00A0}L123-22)", false),
            ("Carnet rouge dans l'armoire du local", false),
            ("Bitwarden, collection « Bureau »", false),
            ("contact@asso-exemple.fr", false),
            ("https://www.exemple.org/admin", false),
            ("2027-03-31", false),
            ("06 12 34 56 78", false),
            ("+33612345678", false),
            ("Association Sportive Saint-Cyr-sur-Loire", false),
            ("12 € par an", false),
            ("Adhérent·es, environ 120 personnes", false),
            ("Noms, adresses, téléphones ; environ 120 lignes (art. L123-22)", false),
            ("Paul (trésorier), Zoé", false),
            ("Chorale2024!", true),
            ("Lapin : le doudou du club", false),
            ("PIN: 4821", true),
            ("Tr0ub4dor&3", true),
            ("mdp : soleil", true),
            ("mot de passe: vacances2024", true),
            ("password=hunter2", true),
            ("le code est Xk9#pL2q dans le tiroir", true),
            ("a8f3k29dj3k4m5", true),
            ("Sésame!2025", true),
        ])
    func secrets(_ text: String, _ secret: Bool) {
        #expect(SecretDetector.looksLikeSecret(text) == secret, "\(text)")
    }

    @Test("Text refused because of a markup tag says so; a password stays a password, even next to a tag")
    func markupSaysWhy() {
        #expect(SecretDetector.suspicion("<b>Coffre</b> du bureau") == .markup)
        #expect(SecretDetector.suspicion("dans le <strong>Classeur</strong> bleu") == .markup)
        #expect(SecretDetector.suspicion("<b>Coffre</b> Xk9#pL2qZ") == .password)
        #expect(SecretDetector.suspicion("Xk9#pL2qZ") == .password)
        #expect(SecretDetector.suspicion("coffre du bureau") == nil)
        var errors = FieldErrors()
        SubmittedFields.checkText(
            "<b>Coffre</b> du bureau", field: "credentials_place", maxLength: 300, tooLong: "x", into: &errors)
        #expect(errors.byField == ["credentials_place": "asset.error.markup"])
    }

    @Test("Days: ISO in and out, invalid dates refused, differences in days")
    func days() throws {
        let day = try #require(Day(iso: "2026-12-02"))
        #expect(day.iso == "2026-12-02")
        #expect(Day(unixTime: 1_796_169_600).iso == "2026-12-02")
        #expect(Day(iso: "2027-02-29") == nil && Day(iso: "2028-02-29") != nil && Day(iso: "31/12/2026") == nil)
        #expect(try #require(Day(iso: "2027-01-31")) - day == 60)
    }

    static let today = Day(iso: "2026-12-02")!

    @Test("A domain held by the treasurer's own account, with one holder, lapsing in 45 days: three alerts")
    func domainAlerts() {
        let domain = Asset(
            id: "d", kind: .domain, name: "asso.fr", owner: .person, ownerName: "Paul (trésorier)", holders: ["Paul"],
            expiresOn: "2027-01-16", checkedOn: "2026-11-01")
        let alerts = InventoryAlerts.of([domain], today: Self.today).map(\.kind)
        #expect(alerts == [.singleHolder, .personalOwner, .expiring(days: 45, threshold: 60)])
        #expect(InventoryAlerts.threshold(daysLeft: 61) == nil)
        #expect(
            InventoryAlerts.threshold(daysLeft: 60) == 60 && InventoryAlerts.threshold(daysLeft: 30) == 30
                && InventoryAlerts.threshold(daysLeft: 3) == 7)
        let safe = Asset(
            id: "s", kind: .domain, name: "asso.org", holders: ["Ana", "Bo"], expiresOn: "2027-11-01",
            checkedOn: "2026-06-01")
        #expect(InventoryAlerts.of([safe], today: Self.today).isEmpty)
        let stale = Asset(id: "o", kind: .service, name: "Canva", holders: ["Ana", "Bo"], checkedOn: "2025-11-01")
        #expect(InventoryAlerts.of([stale], today: Self.today).map(\.kind) == [.notChecked])
    }

    @Test(
        "Recovery chains: a social account through the contact mailbox through a lapsing domain; a loop; a personal address"
    )
    func recovery() {
        let domain = Asset(
            id: "d", kind: .domain, name: "asso.fr", holders: ["A", "B"], expiresOn: "2026-12-20",
            checkedOn: "2026-11-01")
        let mailbox = Asset(
            id: "m", kind: .mailbox, name: "contact@asso.fr", holders: ["A", "B"], recoveryAssetID: "d",
            checkedOn: "2026-11-01")
        let social = Asset(
            id: "s", kind: .social, name: "Page Facebook", holders: ["A", "B"], recoveryAssetID: "m",
            checkedOn: "2026-11-01")
        let byID = Dictionary(uniqueKeysWithValues: [domain, mailbox, social].map { ($0.id, $0) })
        #expect(
            RecoveryChain.follow(social, in: byID, today: Self.today)
                == .init(names: ["contact@asso.fr", "asso.fr"], end: .expiring))
        var a = Asset(id: "a", kind: .service, name: "A", recoveryAssetID: "b")
        let b = Asset(id: "b", kind: .mailbox, name: "B", recoveryAssetID: "a")
        #expect(RecoveryChain.follow(a, in: ["a": a, "b": b], today: Self.today)?.end == .cycle)
        a.recoveryAssetID = nil
        a.recoveryPersonal = true
        #expect(RecoveryChain.follow(a, in: [:], today: Self.today)?.end == .personal)
        #expect(
            InventoryAlerts.of([domain, mailbox, social], today: Self.today).contains {
                $0.assetID == "s" && $0.kind == .recoveryExpiring(through: ["contact@asso.fr", "asso.fr"])
            })
    }

    @Test("The form refuses a pasted password in any text field and names the field; a date in the past warns")
    func form() throws {
        var form = AssetForm()
        form.kind = "domain"
        form.name = "asso.fr"
        form.owner = "person"
        form.ownerName = "Paul"
        form.otherHolders = "Paul, Zoé"
        form.credentialsPlace = "mdp : Soleil2025!"
        form.expiresOn = "2026-10-01"
        guard case .failure(let errors) = form.validate(id: "x", assetIDs: []) else {
            Issue.record("accepted a password")
            return
        }
        #expect(errors.byField == ["credentials_place": "asset.error.secret"])
        form.credentialsPlace = "coffre KeePassXC du bureau"
        form.memberHolders = ["Zoé"]
        let asset = try form.validate(id: "x", assetIDs: []).get()
        #expect(asset.holders == ["Zoé", "Paul"])
        #expect(AssetForm.pastExpiry(asset, today: Self.today))
        form.unknownHolders = ["gone"]
        guard case .failure(let stranger) = form.validate(id: "x", assetIDs: []) else {
            Issue.record("accepted a holder who is not a member")
            return
        }
        #expect(stranger.byField == ["other_holders": "asset.error.holder_not_member"])
        form.unknownHolders = []
        form.memberHolders = []
        form.expiresOn = "2027-02-30"
        form.recoveryAsset = "elsewhere"
        guard case .failure(let more) = form.validate(id: "x", assetIDs: ["y"]) else {
            Issue.record("accepted")
            return
        }
        #expect(more.byField == ["expires_on": "asset.error.date", "recovery_asset": "form.choice_unknown"])
    }

    @Test(
        "A handover checklist: the minutes first; ownership first where personal, then credentials, holders, check; a bank's signatories and cards; the declaration last"
    )
    func handover() {
        let items = HandoverChecklist.items(for: [
            Asset(id: "d", kind: .domain, name: "asso.fr", owner: .person, ownerName: "Paul"),
            Asset(id: "e", kind: .equipment, name: "Portable du bureau"),
            Asset(id: "b", kind: .bank, name: "Compte courant"),
        ])
        #expect(
            items.map { "\($0.assetName):\($0.action.rawValue)" } == [
                ":minutes", "Compte courant:bank-signatories", "Compte courant:bank-cards",
                "Compte courant:credentials",
                "Compte courant:verify", "asso.fr:transfer", "asso.fr:credentials", "asso.fr:holders", "asso.fr:verify",
                "Portable du bureau:holders", "Portable du bureau:verify", ":declare",
            ])
        #expect(items.filter(\.action.isGeneral).map(\.assetID) == [nil, nil])
    }

    @Test("Who leaves and who takes over: both required, trimmed, 300 characters at most")
    func handoverPeople() {
        #expect(
            HandoverPeople.validate(leaving: " Paul ", incoming: "Inès\n")
                == .success(.init(leaving: "Paul", incoming: "Inès")))
        guard
            case .failure(let errors) = HandoverPeople.validate(
                leaving: "", incoming: String(repeating: "a", count: 301))
        else {
            Issue.record("accepted")
            return
        }
        #expect(errors.byField == ["leaving": "handover.error.leaving_missing", "incoming": "handover.error.too_long"])
    }

    @Test("An asset just entered is not 'to check'; one entered more than a year ago and never checked is")
    func enteredIsSeen() {
        let fresh = Asset(id: "n", kind: .service, name: "Canva", holders: ["Ana", "Bo"], enteredOn: "2026-11-30")
        #expect(InventoryAlerts.of([fresh], today: Self.today).isEmpty)
        let old = Asset(id: "o", kind: .service, name: "Canva", holders: ["Ana", "Bo"], enteredOn: "2025-11-01")
        #expect(InventoryAlerts.of([old], today: Self.today).map(\.kind) == [.notChecked])
        let unknown = Asset(id: "u", kind: .service, name: "Canva", holders: ["Ana", "Bo"])
        #expect(InventoryAlerts.of([unknown], today: Self.today).map(\.kind) == [.notChecked])
    }
}
