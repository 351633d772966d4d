import EclairageDomain

/// The directory in data·inclusion's shape (schema 1.0.10): structures, and the services each offers
/// as separate records pointing to their structure, with data·inclusion's codes (`DataInclusionMapping`).
/// Ids are `eclairage--<schema id>`, as data·inclusion makes ids unique across sources.
struct DataInclusionDocument: Encodable {
    let structures: [Structure]
    let services: [Service]

    struct Structure: Encodable {
        let id: String, source: String, siret: String?, nom: String
        let commune: String?, code_postal: String?, code_insee: String?, adresse: String?, complement_adresse: String?
        let latitude: Double?, longitude: Double?
        let telephone: String?, courriel: String?, site_web: String?, description: String?
        let date_maj: String, lien_source: String, horaires_accueil: String?, accessibilite_lieu: String?
        let reseaux_porteurs: [String]
    }

    struct Service: Encodable {
        let id: String, structure_id: String, source: String, nom: String, description: String
        let type: String, thematiques: [String]
        let frais: String?, frais_precisions: String?, publics: [String], publics_precisions: String?
        let modes_accueil: [String], modes_mobilisation: [String]?, mobilisable_par: [String],
            lien_mobilisation: String?
        let commune: String?, code_postal: String?, code_insee: String?, adresse: String?
        let latitude: Double?, longitude: Double?, telephone: String?, courriel: String?, horaires_accueil: String?
        let zone_eligibilite: [String]?, lien_source: String, date_maj: String
    }

    init(_ entries: [DirectoryIndex.Entry], baseURL: String) {
        func some(_ text: String?) -> String? { text.flatMap { $0.isEmpty ? nil : $0 } }
        var structures: [Structure] = []
        var services: [Service] = []
        structures.reserveCapacity(entries.count)
        for entry in entries {
            let place = entry.place
            let id = "eclairage--" + place.externalID
            let pivot = place.pivot ?? ""
            let link = baseURL + SiteURL.place(entry.id).path
            let description = some(place.details) ?? some(place.summary)
            structures.append(
                Structure(
                    id: id, source: "eclairage", siret: pivot.count == 14 && pivot.allSatisfy(\.isNumber) ? pivot : nil,
                    nom: place.name,
                    commune: some(place.commune), code_postal: some(place.postcode), code_insee: place.insee,
                    adresse: some(place.address),
                    complement_adresse: place.addressExtra, latitude: place.latitude, longitude: place.longitude,
                    telephone: place.phone,
                    courriel: place.emails.first, site_web: place.websites.first(where: WebAddress.isAcceptable),
                    description: description.flatMap { $0.count >= 5 ? $0 : nil },
                    date_maj: place.updatedOn, lien_source: link, horaires_accueil: place.openingHours,
                    accessibilite_lieu: place.accessibilityURL.flatMap { WebAddress.isAcceptable($0) ? $0 : nil },
                    reseaux_porteurs: DataInclusionMapping.reseaux(place)
                ))
            let mobilisation = place.accessModes.compactMap { DataInclusionMapping.modesMobilisation[$0] }
            let fallback = place.phone != nil ? ["telephoner"] : (place.emails.isEmpty ? [] : ["envoyer-un-courriel"])
            let accueil = Set(place.supportModes.compactMap { DataInclusionMapping.modesAccueil[$0] }).sorted()
            for (position, service) in PlaceService.fromSchema(place.services).enumerated() {
                let text = some(service.description) ?? description ?? service.name
                services.append(
                    Service(
                        id: "\(id)--\(position + 1)", structure_id: id, source: "eclairage", nom: service.name,
                        description: text.count >= 5 ? text : "\(service.name) — \(place.name)",
                        type: DataInclusionMapping.type(service.kind),
                        thematiques: service.theme.flatMap { DataInclusionMapping.thematiques[$0] } ?? [
                            "numerique--maitriser-les-fondamentaux-du-numerique"
                        ],
                        frais: DataInclusionMapping.frais(place.fees),
                        frais_precisions: place.fees.isEmpty ? nil : place.fees.joined(separator: ", "),
                        publics: DataInclusionMapping.publicsOf(place),
                        publics_precisions: (place.audiences + place.specificSupport).isEmpty
                            ? nil : (place.audiences + place.specificSupport).joined(separator: ", "),
                        modes_accueil: accueil.isEmpty ? ["en-presentiel"] : accueil,
                        modes_mobilisation: mobilisation.isEmpty
                            ? (fallback.isEmpty ? nil : fallback) : Array(Set(mobilisation)).sorted(),
                        mobilisable_par: ["usagers", "professionnels"],
                        lien_mobilisation: place.bookingURL.flatMap { WebAddress.isAcceptable($0) ? $0 : nil },
                        commune: some(place.commune), code_postal: some(place.postcode), code_insee: place.insee,
                        adresse: some(place.address),
                        latitude: place.latitude, longitude: place.longitude, telephone: place.phone,
                        courriel: place.emails.first,
                        horaires_accueil: place.openingHours, zone_eligibilite: entry.departement.map { [$0] },
                        lien_source: link, date_maj: place.updatedOn
                    ))
            }
        }
        self.structures = structures
        self.services = services
    }
}

/// The places as a GeoJSON FeatureCollection (RFC 7946: longitude first); places without a position are left out.
struct GeoJSON: Encodable {
    let type = "FeatureCollection"
    let features: [Feature]

    struct Feature: Encodable {
        let type = "Feature"
        let geometry: Geometry
        let properties: Properties
    }

    struct Geometry: Encodable {
        let type = "Point"
        let coordinates: [Double]
    }

    struct Properties: Encodable {
        let id: String
        let nom: String
        let adresse: String
        let code_postal: String
        let commune: String
        let services: [String]
        let url: String
    }

    init(_ entries: [DirectoryIndex.Entry], baseURL: String) {
        features = entries.compactMap { entry in
            guard let point = entry.point else { return nil }
            let place = entry.place
            return Feature(
                geometry: Geometry(coordinates: [point.longitude, point.latitude]),
                properties: Properties(
                    id: place.externalID, nom: place.name, adresse: place.address, code_postal: place.postcode,
                    commune: place.commune,
                    services: place.services, url: baseURL + SiteURL.place(entry.id).path
                )
            )
        }
    }
}
