"""Readability of rendered pages: the text a visitor reads, scored with textstat.

US grade is the Flesch-Kincaid grade level. Headings, list items, labels and buttons end a sentence
where they end, as a reader takes them; visually hidden text and scripts are not counted.
"""

from html.parser import HTMLParser

import textstat

BLOCKS = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "dt",
    "dd",
    "label",
    "legend",
    "button",
    "a",
    "th",
    "td",
    "title",
    "div",
}
SKIPPED = {"script", "style", "head", "template", "noscript"}
VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []
        self.stack = []  # one flag per open element: is its text skipped?

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        hidden = (
            tag in SKIPPED
            or "hidden" in attrs
            or "visually-hidden" in (attrs.get("class") or "").split()
            or "skip-link" in (attrs.get("class") or "").split()
        )
        self.stack.append(hidden or (self.stack[-1] if self.stack else False))

    def handle_endtag(self, tag):
        if tag in VOID or not self.stack:
            return
        self.stack.pop()
        if tag in BLOCKS:
            self._end_sentence()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]) and data.strip():
            self.parts.append(" ".join(data.split()))

    def _end_sentence(self):
        if self.parts and self.parts[-1][-1] not in ".!?:":
            self.parts[-1] += "."

    def text(self):
        return " ".join(self.parts)


def visible_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html)
    return parser.text()


def us_grade(text: str) -> float:
    textstat.set_lang("en_US")
    return round(textstat.flesch_kincaid_grade(text), 1)


def fernandez_huerta(text: str) -> float:
    textstat.set_lang("es")
    score = round(textstat.fernandez_huerta(text), 1)
    textstat.set_lang("en_US")
    return score
