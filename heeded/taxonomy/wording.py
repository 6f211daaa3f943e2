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
