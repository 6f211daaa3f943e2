"""Labels in sentences: codes' labels are the council's, written as it writes them."""


def in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: "Compliment" becomes "compliment", while
    "MP or councillor enquiry" and "Freedom of Information request" keep their capitals."""
    words = label.split()
    if not words:
        return label
    if words[0][1:2].isupper():  # an acronym: "MP", "FOI"
        return label
    for word in (w.strip("()[],.;:'\"") for w in words[1:]):
        if word[:1].isupper() and not word.isupper():  # a name: "Freedom of Information"
            return label
    return label[:1].lower() + label[1:]


def in_plural(label: str) -> str:
    """A label for several: "Subject access request" becomes "Subject access requests",
    "MP or councillor enquiry" "MP or councillor enquiries" and "Information request (GDPR)"
    "Information requests (GDPR)": a record type names one thing, its noun last but for a
    note in brackets."""
    noun, bracket, note = label.partition(" (")
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        noun = noun[:-1] + "ies"
    elif noun.endswith(("s", "x", "ch", "sh")):
        noun += "es"
    else:
        noun += "s"
    return noun + bracket + note
