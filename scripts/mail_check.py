#!/usr/bin/env python3
"""Reads every message the test suite sent, as the server renders it for sendmail, with Python's own
`email` package (an independent MIME parser), and checks it says what it was meant to say.

The suite writes the samples when MAIL_SAMPLES_DIR is set: `<n>.eml` (the production formatter's
output) beside `<n>.json` (recipient, subject, sender name and address, body, attachment).

The kinds of mail are read from the French strings (every `area.…_subject` key): a kind with no
sample fails the check too, so a new mail without a test that sends it is noticed.

Usage: MAILS=$(mktemp -d); MAIL_SAMPLES_DIR="$MAILS" swift test; python3 scripts/mail_check.py "$MAILS"
Prints the distinct subjects seen and `N passed, M failed`; exits non-zero on any failure."""
import collections
import email.policy
import json
import pathlib
import re
import sys
from email.parser import BytesParser

MESSAGE_ID = re.compile(r"^<([^<>@\s]+)@([^<>@\s]+)>$")
ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=")
CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def one_line(text):
    return CONTROL.sub(" ", text)


def normalised(text):
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")


def check(raw, meant):
    """The problems of one message (an empty list when it is right)."""
    problems = []
    head = raw.split(b"\n\n", 1)[0].decode("ascii", errors="replace")
    for line in head.split("\n"):
        if len(line.rstrip("\r")) > 78:
            problems.append(f"header line over 78 characters: {line[:60]}…")
    for word in ENCODED_WORD.findall(head):
        if len(word) > 75:
            problems.append(f"encoded word over 75 characters: {word[:40]}…")
    if any(byte > 127 for byte in raw.split(b"\n\n", 1)[0]):
        problems.append("8-bit byte in the headers")

    message = BytesParser(policy=email.policy.default).parsebytes(raw)
    if message.defects:
        problems.append(f"defects: {message.defects}")
    if str(message["subject"]) != one_line(meant["subject"]):
        problems.append(f"subject {str(message['subject'])!r} instead of {meant['subject']!r}")
    sender = message["from"].addresses
    if len(sender) != 1 or sender[0].addr_spec != meant["from_address"] or sender[0].display_name != (meant.get("from_name") or ""):
        problems.append(f"From {message['from']!r} instead of {meant.get('from_name')!r} <{meant['from_address']}>")
    recipient = message["to"]
    if len(recipient.addresses) != 1 or recipient.addresses[0].addr_spec != meant["to"] or str(recipient) != meant["to"]:
        problems.append(f"To {str(recipient)!r} instead of the bare {meant['to']!r}")
    date = message["date"]
    if date is None or date.datetime is None or date.datetime.tzinfo is None or date.defects:
        problems.append(f"Date missing or malformed: {date!r}")
    message_id = MESSAGE_ID.match(str(message["message-id"] or ""))
    if not message_id or message_id.group(2) != meant["from_address"].rsplit("@", 1)[-1]:
        problems.append(f"Message-ID missing or not under the sender's domain: {message['message-id']!r}")

    body = message.get_body(preferencelist=("plain",))
    if body is None:
        problems.append("no text part")
    elif normalised(body.get_content()) != normalised(meant["body"]):
        problems.append("text part differs from the body")

    attachments = list(message.iter_attachments())
    expected = meant.get("attachment")
    if expected is None:
        if attachments:
            problems.append(f"{len(attachments)} unexpected attachment(s)")
    elif len(attachments) != 1:
        problems.append(f"{len(attachments)} attachments instead of 1")
    else:
        part = attachments[0]
        kind, *parameters = [piece.strip() for piece in expected["content_type"].split(";")]
        if part.get_filename() != expected["filename"]:
            problems.append(f"attachment named {part.get_filename()!r} instead of {expected['filename']!r}")
        if part.get_content_type() != kind.lower():
            problems.append(f"attachment of type {part.get_content_type()} instead of {kind}")
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if (part.get_param(name.strip()) or "").lower() != value.strip().strip('"').lower():
                problems.append(f"attachment's {name} is {part.get_param(name.strip())!r} instead of {value!r}")
        if part.get_payload(decode=True) != expected["content"].encode("utf-8"):
            problems.append("attachment's decoded content differs")
        if part.defects:
            problems.append(f"attachment defects: {part.defects}")
    return problems


LOCALE = pathlib.Path(__file__).resolve().parent.parent / "Sources/EclairageWeb/Resources/Locales/fr.yaml"
SUBJECT_KEY = re.compile(r'^([a-z_]+\.[a-z_]*_subject): "(.*)"$')


def squeezed(text):
    """Without any space: French typography adds non-breaking ones where the strings have none."""
    return re.sub(r"\s+", "", text)


def kinds():
    """Each mail subject of the French strings, as a pattern (`%{name}` matches anything)."""
    found = {}
    for line in LOCALE.read_text(encoding="utf-8").splitlines():
        match = SUBJECT_KEY.match(line)
        if match:
            parts = re.split(r"%\{\w+\}", squeezed(match.group(2).replace('\\"', '"')))
            found[match.group(1)] = re.compile("^" + ".+".join(map(re.escape, parts)) + "$")
    return found


def main(folder):
    samples = sorted(pathlib.Path(folder).glob("*.eml"))
    if not samples:
        print(f"no .eml in {folder}: was MAIL_SAMPLES_DIR set for the tests?")
        return 1
    passed, failed = 0, 0
    subjects = collections.Counter()
    methods = collections.Counter()
    for sample in samples:
        meant = json.loads(sample.with_suffix(".json").read_text(encoding="utf-8"))
        raw = sample.read_bytes()
        problems = check(raw, meant)
        subjects[meant["subject"]] += 1
        if meant.get("attachment"):
            found = re.search(r"method=(\w+)", meant["attachment"]["content_type"])
            methods[found.group(1) if found else meant["attachment"]["content_type"]] += 1
        if problems:
            failed += 1
            print(f"FAIL {sample.name} ({meant['subject']!r}):")
            for problem in problems:
                print(f"  - {problem}")
        else:
            passed += 1
    print(f"{len(subjects)} distinct subjects:")
    for subject, count in sorted(subjects.items()):
        print(f"  {count:4}  {subject}")
    print("attachments: " + (", ".join(f"{count} {method}" for method, count in sorted(methods.items())) or "none"))
    print("kinds of mail (the subjects of Locales/fr.yaml):")
    for key, pattern in sorted(kinds().items()):
        seen = sum(count for subject, count in subjects.items() if pattern.match(squeezed(subject)))
        print(f"  {seen:4}  {key}")
        if not seen:
            failed += 1
            print(f"FAIL no sample of {key}: no test sends this mail")
    for method in ("REQUEST", "CANCEL"):
        if not methods[method]:
            failed += 1
            print(f"FAIL no calendar attachment with METHOD:{method}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
