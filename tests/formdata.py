"""What a browser would send when a form on a page is submitted as it stands:
text, hidden, number and date inputs with their values, checked boxes and radio
buttons, the selected option of each select (the first one when none is marked)
and the text of each textarea. Buttons are left out, as when a form is sent with
the Enter key."""

from __future__ import annotations

from html.parser import HTMLParser

_NOT_SENT = {"submit", "button", "reset", "image", "file"}


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: dict | None = None
        self._option: list | None = None
        self._textarea: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"action": attrs.get("action", ""),
                          "method": (attrs.get("method") or "get").lower(), "fields": []}
            self.forms.append(self._form)
            return
        if self._form is None or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in _NOT_SENT:
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._form["fields"].append((name, attrs.get("value", "on")))
                return
            self._form["fields"].append((name, attrs.get("value") or ""))
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs,
                            "options": [], "selected": []}
        elif tag == "option" and self._select is not None:
            self._option = [attrs.get("value"), "selected" in attrs, ""]
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._option is not None:
            self._option[2] += data
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "option" and self._option is not None:
            value, selected, text = self._option
            value = text.strip() if value is None else value
            self._select["options"].append(value)
            if selected:
                self._select["selected"].append(value)
            self._option = None
        elif tag == "select" and self._select is not None:
            select, self._select = self._select, None
            chosen = select["selected"]
            if not chosen and not select["multiple"] and select["options"]:
                chosen = select["options"][:1]
            self._form["fields"] += [(select["name"], value) for value in chosen]
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # A browser drops one newline right after <textarea>.
            self._form["fields"].append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "form":
            self._form = None


def post_forms(html: str) -> list[dict]:
    """Every form on the page that posts: ``{"action", "fields": [(name, value)]}``."""
    parser = _Forms()
    parser.feed(html)
    return [form for form in parser.forms if form["method"] == "post"]


def form_posting_to(html: str, path: str) -> dict:
    """The one form on the page that posts to ``path`` (its query string aside)."""
    forms = [form for form in post_forms(html)
             if form["action"].split("?")[0] in (path, "")]
    named = [form for form in forms if form["action"]]
    if len(named) != 1 and len(forms) != 1:
        raise AssertionError(f"no single form posting to {path}")
    form = (named if len(named) == 1 else forms)[0]
    return {"action": form["action"] or path, "fields": form["fields"]}
