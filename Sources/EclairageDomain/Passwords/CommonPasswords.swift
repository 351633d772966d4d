/// The passwords most often found in leaked lists, French ones included. Compared in lower case,
/// and also after stripping digits and symbols ("Soleil2024!" is "soleil").
public enum CommonPasswords {
    public static let list: Set<String> = Set(words.split(separator: " ").map(String.init))

    private static let words = """
        123456 123456789 12345678 12345 1234567 1234567890 123123 111111 000000 654321 azerty azertyuiop \
        qwerty qwertyuiop password password1 motdepasse motdepass mdp admin administrateur root toor \
        soleil chocolat doudou loulou marseille paris bonjour coucou nicolas camille jetaime iloveyou \
        monkey dragon football baseball letmein welcome bienvenue princess princesse master sunshine \
        shadow superman batman trustno1 abc123 abcdef abcdefgh azerty123 qwerty123 password123 \
        motdepasse123 association asso bureau tresorier tresoriere president presidente secretaire \
        benevole benevoles adherent adherents eclairage changeme changez default defaut test testtest \
        secret secrets freedom liberte chouchou poupette cheval chien chat minou toto tata titi tutu \
        portugal france allez allezlom olympique psg juventus barcelona realmadrid arsenal liverpool \
        chelsea manchester pokemon naruto starwars hello hellokitty charlie michael jennifer jordan \
        thomas julien maxime antoine alexandre lucas louis hugo emma lea chloe manon sarah marie \
        pierre jean philippe isabelle nathalie sandrine stephanie christine catherine sophie celine \
        amour amoureux mamour bisous soleil123 azertyui azer1234 aaaaaa qqqqqq zzzzzz 11111111 \
        88888888 12341234 121212 696969 7777777 159753 147258 147258369 159357 987654321 \
        zxcvbnm asdfghjkl passw0rd p@ssw0rd p@ssword pa55word motdepasse1 welcome1 qazwsx \
        trustme whatever nothing computer ordinateur internet google facebook instagram wifi \
        orange free sfr bouygues livebox freebox nextcloud yunohost galette dolibarr signal whatsapp
        """
}
