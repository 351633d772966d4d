/// The six associations' answers to the questions added in version 2026.3 (issue 23: device security,
/// mail recovery, generative AI, beneficiaries' data, accessibility, and Sobriété's practices), kept
/// apart so each persona reads as it did. The partial one stays partial.
extension ReportSnapshotTests {
    static let newQuestions: [String: [String: [String]]] = [
        "club-sportif-sans-budget": [
            "mat-securite": ["verrou"], "mel-recuperation": ["secours-perso"], "rgpd-ia": ["sans-regle"],
            "rgpd-beneficiaires": ["pas-concerne"], "sob-duree": ["jusqu-a-la-panne"], "sob-tri": ["parfois"],
            "sob-choix": ["habitude"], "com-accessibilite": ["jamais"],
        ],
        "centre-social-avec-salaries": [
            "mat-securite": ["verrou-chiffre"], "mel-recuperation": ["secours-asso"], "rgpd-ia": ["ca-arrive"],
            "rgpd-beneficiaires": ["equipe"], "sob-duree": ["remplacer"], "sob-tri": ["jamais"],
            "sob-choix": ["criteres"], "com-accessibilite": ["parfois"],
        ],
        "asso-culturelle-deja-libre": [
            "mat-securite": ["verrou"], "mel-recuperation": ["secours-asso"], "rgpd-ia": ["regle"],
            "rgpd-beneficiaires": ["pas-concerne"], "sob-duree": ["reparer"], "sob-tri": ["regulier"],
            "sob-choix": ["criteres"], "com-accessibilite": ["on-y-veille"],
        ],
        "federation-incertaine": [
            "mat-securite": ["ne-sait-pas"], "mel-recuperation": ["ne-sait-pas"], "rgpd-ia": ["ne-sait-pas"],
            "rgpd-beneficiaires": ["ne-sait-pas"], "sob-duree": ["ne-sait-pas"], "sob-tri": ["ne-sait-pas"],
            "sob-choix": ["ne-sait-pas"], "com-accessibilite": ["ne-sait-pas"],
        ],
        "petite-asso-peu-numerique": [
            "mat-securite": ["rien"], "rgpd-ia": ["ne-sait-pas"], "rgpd-beneficiaires": ["pas-concerne"],
            "sob-duree": ["pas-de-materiel"], "sob-tri": ["jamais"], "sob-choix": ["premier-venu"],
        ],
    ]
}
