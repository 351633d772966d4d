#!/usr/bin/env python3
"""Quick check of the questionnaire's theme files while writing content (the Swift loader is the
reference; this only helps writers). Usage: python3 scripts/questionnaire_check.py [theme files]"""
import glob, re, sys, yaml

FINDING = ("good:", "risk:", "quick:", "unknown:", "none:")

def words(text):
    return len(re.findall(r"\w+", text or ""))

def check(path):
    problems, theme = [], yaml.safe_load(open(path, encoding="utf-8"))
    findings = theme.get("findings") or {}
    if "summaries" in theme: problems.append("summaries: à retirer (remplacé par findings)")
    count = words(theme["intro"])
    used = set()
    for q in theme["questions"]:
        count += words(q["text"]) + sum(words(o["label"]) for o in q["options"])
        for o in q["options"]:
            where = f"{q['id']}/{o['id']}"
            tags = o.get("tags") or []
            first = next((t for t in tags if t.startswith(FINDING)), None)
            if first is None: problems.append(f"{where}: aucune étiquette good:/risk:/quick:/unknown:/none:")
            elif first not in findings: problems.append(f"{where}: pas de phrase pour {first} dans findings")
            else: used.add(first)
            na = o.get("not_applicable", False)
            if na and "score" in o: problems.append(f"{where}: une option « ne s'applique pas » n'a pas de score")
            if not na and "score" not in o and not q.get("choice_of_values"): problems.append(f"{where}: score manquant")
            if na != any(t.startswith("none:") for t in tags): problems.append(f"{where}: none: ⇔ not_applicable: true")
            if o.get("dont_know") and not any(t.startswith("unknown:") for t in tags): problems.append(f"{where}: je ne sais pas ⇒ unknown:")
    for tag in findings:
        if tag not in used: problems.append(f"findings: {tag} n'est la première étiquette d'aucune option")
    return count, len(theme["questions"]), problems

files = sys.argv[1:] or sorted(glob.glob("Content/questionnaire/themes/*.yaml"))
total_words = total_questions = 0
for path in files:
    count, questions, problems = check(path)
    total_words += count; total_questions += questions
    print(f"{path}: {questions} questions, {count} mots")
    for p in problems: print("   ", p)
print(f"total: {total_questions} questions, {total_words} mots (hors aides)")
