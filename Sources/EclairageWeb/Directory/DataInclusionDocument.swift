import EclairageDomain

/// The directory in data·inclusion's shape: structures, and the services each offers as separate
/// records pointing to their structure. Field names follow data·inclusion's schema; `types` uses the
/// kinds of service of this site (accompagnement, atelier, formation, materiel, acces, information).
struct DataInclusionDocument: Encodable {
    let structures: [Structure]
    let services: [Service]

    struct Structure: Encodable {
        let id: String
        let siret: String?
        let rna: String?
        let nom: String
        let commune: String
        let code_postal: String
        let code_insee: String?
        let adresse: String
        let complement_adresse: String?
        let latitude: Double?
        let longitude: Double?
        let typologie: String?
        let telephone: String?
        let courriel: String?
        let site_web: String?
        let presentation_resume: String?
        let presentation_detail: String?
        let source: String
        let date_maj: String
        let lien_source: String
        let horaires_ouverture: String?
        let accessibilite: String?
        let labels_nationaux: [String]
        let labels_autres: [String]
    }

    struct Service: Encodable {
        let id: String
        let structure_id: String
        let source: String
        let nom: String
        let types: [String]
        let thematiques: [String]
        let frais: [String]
        let profils: [String]
        let modes_accueil: [String]
        let modes_orientation: [String]
        let prise_rdv: String?
        let commune: String
        let code_postal: String
        let latitude: Double?
        let longitude: Double?
        let date_maj: String
    }

    init(_ entries: [DirectoryIndex.Entry], baseURL: String) {
        var structures: [Structure] = []
        var services: [Service] = []
        structures.reserveCapacity(entries.count)
        for entry in entries {
            let place = entry.place
            let pivot = place.pivot ?? ""
            structures.append(Structure(
                id: place.externalID, siret: pivot.count == 14 && pivot.allSatisfy(\.isNumber) ? pivot : nil,
                rna: pivot.hasPrefix("W") ? pivot : nil, nom: place.name, commune: place.commune, code_postal: place.postcode,
                code_insee: place.insee, adresse: place.address, complement_adresse: place.addressExtra,
                latitude: place.latitude, longitude: place.longitude, typologie: place.kinds.first, telephone: place.phone,
                courriel: place.emails.first, site_web: place.websites.isEmpty ? nil : place.websites.joined(separator: ","),
                presentation_resume: place.summary, presentation_detail: place.details, source: place.source ?? "eclairage",
                date_maj: place.updatedOn, lien_source: baseURL + SiteURL.place(entry.id).path, horaires_ouverture: place.openingHours,
                accessibilite: place.accessibilityURL, labels_nationaux: place.labels + place.programmes, labels_autres: place.otherLabels
            ))
            for (position, service) in PlaceService.fromSchema(place.services).enumerated() {
                services.append(Service(
                    id: "\(place.externalID)-\(position + 1)", structure_id: place.externalID, source: place.source ?? "eclairage",
                    nom: service.name, types: [service.kind.rawValue], thematiques: service.theme.map { [$0] } ?? [],
                    frais: place.fees, profils: place.audiences, modes_accueil: place.itinerance, modes_orientation: place.accessModes,
                    prise_rdv: place.bookingURL, commune: place.commune, code_postal: place.postcode,
                    latitude: place.latitude, longitude: place.longitude, date_maj: place.updatedOn
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
                    id: place.externalID, nom: place.name, adresse: place.address, code_postal: place.postcode, commune: place.commune,
                    services: place.services, url: baseURL + SiteURL.place(entry.id).path
                )
            )
        }
    }
}
