"""The product's words for its key concepts, per language. Data, no Flask.

A word that drifts changes what people read: a Vietnamese factory manager read
"Công ty" (the brand) as his own firm; Chinese used one word for releasing
results to the supplier and for publishing a questionnaire, so "released on" and
"published on" printed the same. Each concept below says which English words
signal it (``english``, a regular expression over the English text) and, per
language, the term to write (``Term.word``), the forms that count as that term
(``Term.accepts``: inflections, plurals, compounds) and, where a word is known to
mislead, what not to write for it (``Term.avoid``).

``tests/test_glossary.py`` applies it to every interface catalogue entry and every
worker text (``surveys/public_texts.py``, the starter questionnaire) whose English
signals a concept: case-insensitive, placeholders like ``%(brand)s`` left out.

What a reviewer should keep in mind (the test cannot):

- The rules check that the term is there, not that it is used well. A sentence
  can hold "nhãn hàng" and still be wrong.
- "Company" is not a concept here, because it is ambiguous in English: on the
  brand's own pages "your company" is the brand itself, and Vietnamese may say
  "công ty" for it. Wherever a supplier reads it (its home page, results,
  dialogues, invitations, questionnaires shared with it, letters and outreach),
  the company that buys is the brand: "nhãn hàng" in Vietnamese. Letters to a
  factory call the firm "Quý công ty" and the person "anh/chị", never "bạn"
  (``tests/test_glossary.py`` pins the supplier-facing entries).
- Workers meet the supplier as "your employer" and the brand as "the brand that
  buys from this factory" (``public_texts``); the interface's words for supplier,
  site, cycle, release and publish never appear in worker texts.
- Vietnamese "chia sẻ" is both the release of results to the supplier and the
  supplier's sharing with workers; the latter always names "với người lao
  động". Chinese releases with 发放 (分享 is sharing with workers, 发布 is
  publishing a questionnaire).
- The worker languages other than English were drafted by machine, and so were
  their terms here: a fluent speaker reviewing the texts reviews these too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Placeholders are names, not words: ``%(brand)s`` does not signal a brand.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


@dataclass(frozen=True)
class Term:
    #: The term to write, as a translator should read it.
    word: str
    #: The forms that count as the term (a regular expression; plurals,
    #: inflections, compounds, declared variants).
    accepts: str
    #: What must not stand for the concept (a regular expression), if anything.
    avoid: str = ""


@dataclass(frozen=True)
class Concept:
    #: The English words that signal the concept (a regular expression).
    english: str
    #: The term per language code.
    terms: dict[str, Term]
    #: What the term means here, for translators and reviewers.
    note: str = ""
    #: Where the concept is checked: the interface catalogues, worker texts, or both.
    scope: frozenset[str] = field(default=frozenset({"interface", "worker"}))


def T(word: str, accepts: str | None = None, avoid: str = "") -> Term:
    return Term(word, accepts if accepts is not None else re.escape(word), avoid)


INTERFACE = frozenset({"interface"})

GLOSSARY: dict[str, Concept] = {
    "worker": Concept(
        r"\bworkers?\b(?! committee)",
        {"nl": T("werkende(n)", r"werkende|werknemers\w|uitzendkracht|krachten|migranten",
                 avoid=r"\bwerknemers?\b"),
         "zh_Hans": T("工人", r"工人|派遣工|临时工|正式工"),
         "vi": T("người lao động", r"lao động", avoid=r"công nhân"),
         "hi": T("कामगार"), "si": T("සේවක", avoid=r"කම්කරු"), "ta": T("தொழிலாளர்"),
         "bn": T("শ্রমিক"),
         "ur": T("مزدور", r"مزدور|کارکن|ورکر"), "km": T("កម្មករ"), "my": T("အလုပ်သမား"),
         "id": T("pekerja", r"pekerja|buruh"), "tr": T("işçi", r"[iİ]şçi|çalışan")},
        "A person who works at a supplier's site, whatever the contract. Dutch "
        "compounds keep werknemers- (werknemersvertegenwoordiger)."),
    "brand": Concept(
        r"\bbrands?\b",
        {"nl": T("merk"), "zh_Hans": T("品牌"),
         "vi": T("nhãn hàng", avoid=r"(?<!quý )công ty"),
         "hi": T("ब्रांड"), "si": T("සන්නාම"), "ta": T("பிராண்ட", r"பிராண்ட"),
         "bn": T("ব্র্যান্ড"),
         "ur": T("برانڈ"), "km": T("ម៉ាក", r"ម៉ាក|ប្រេន"), "my": T("တံဆိပ်", r"တံဆိပ်|ဘရန်း"),
         "id": T("merek", r"merek|brand"), "tr": T("marka")},
        "The company that buys from the supplier and runs the survey with it: never "
        "a word a factory reads as its own firm."),
    "member company": Concept(
        r"\bmember compan(y|ies)\b",
        {"nl": T("lidbedrijf", r"lidbedrij", avoid=r"lid-bedrij"),
         "zh_Hans": T("成员企业"), "vi": T("nhãn hàng thành viên")},
        "A company that is a member of the initiative a coordinator hosts: a brand.",
        INTERFACE),
    "employer": Concept(
        r"\bemployers?\b",
        {"nl": T("werkgever"), "zh_Hans": T("雇主"),
         "vi": T("chủ sử dụng lao động", r"chủ (sử dụng )?lao động"),
         "hi": T("नियोक्ता"), "si": T("සේවා යෝජක"), "ta": T("முதலாளி"),
         "bn": T("নিয়োগকর্তা"),
         "ur": T("آجر", r"آجر|مالک"), "km": T("និយោជក"), "my": T("အလုပ်ရှင်"),
         "id": T("pemberi kerja", r"pemberi kerja|majikan"), "tr": T("işveren", r"[iİ]şveren")},
        "The supplier as its workers know it."),
    "supplier": Concept(
        r"\bsuppliers?\b",
        {"nl": T("leverancier"), "zh_Hans": T("供应商"), "vi": T("nhà cung cấp")},
        "The factory's owner or manager, as the brand and the interface name it.",
        INTERFACE),
    "site": Concept(
        r"(?<!\bon )(?<!\boff )\bsites?\b",
        {"nl": T("locatie"), "zh_Hans": T("生产场所", r"场所"), "vi": T("địa điểm")},
        "A production site (factory) of a supplier; not a website.", INTERFACE),
    "cycle": Concept(
        r"\bcycles?\b",
        {"nl": T("ronde", avoid=r"\bcycl"), "zh_Hans": T("轮次", r"轮", avoid=r"周期"),
         "vi": T("đợt")},
        "One survey round at one site.", INTERFACE),
    "release": Concept(
        r"\breleas(e|es|ed|ing)\b",
        {"nl": T("vrijgeven", r"\bvrij\b|vrijge|vrijgave"),
         "zh_Hans": T("发放", avoid=r"发布"),
         "vi": T("chia sẻ", avoid=r"công bố")},
        "Brand staff release a cycle's checked results to the supplier: not the "
        "word for publishing a questionnaire.", INTERFACE),
    "publish": Concept(
        r"\bpublish(es|ed|ing)?\b",
        {"nl": T("publiceren", r"publice"), "zh_Hans": T("发布", avoid=r"发放"),
         "vi": T("công bố")},
        "A questionnaire version becomes final and usable in cycles.", INTERFACE),
    "dialogue": Concept(
        r"\bdialogues?\b",
        {"nl": T("dialoog", r"dialo(og|gen)"), "zh_Hans": T("对话"), "vi": T("đối thoại")},
        "The brand's conversation with a supplier about a cycle's results.", INTERFACE),
    "agreement": Concept(
        # Not a data-processing agreement with a survey provider (a contract).
        r"(?<!processing )\bagreements?\b",
        {"nl": T("afspraak", r"afspra(ak|ken)"), "zh_Hans": T("约定"),
         "vi": T("thỏa thuận")},
        "What brand and supplier agree on in a dialogue, with an owner and a date.",
        INTERFACE),
    "priority": Concept(
        r"\bpriorit(y|ies)\b",
        {"nl": T("prioriteit"), "zh_Hans": T("优先"), "vi": T("ưu tiên")},
        "An indicator above the company's threshold of negative answers.", INTERFACE),
    "respondents": Concept(
        r"\brespondents?\b",
        {"nl": T("respondent"), "zh_Hans": T("受访者"), "vi": T("người trả lời")},
        "The workers who answered a cycle's survey.", INTERFACE),
    "response rate": Concept(
        r"\bresponse rates?\b",
        {"nl": T("responspercentage"), "zh_Hans": T("回复率"), "vi": T("tỷ lệ phản hồi")},
        "Respondents as a share of the site's headcount.", INTERFACE),
    "access code": Concept(
        r"\baccess codes?\b",
        {"nl": T("toegangscode"), "zh_Hans": T("访问码"), "vi": T("mã truy cập")},
        "The code on a paper slip that lets one worker answer once.", INTERFACE),
    "worker representative": Concept(
        r"\brepresentatives\b|\b(a|worker|workers['’]) representative\b|\brepresentation\b",
        {"nl": T("vertegenwoordiger", r"vertegenwoordig"), "zh_Hans": T("代表"),
         "vi": T("đại diện"), "hi": T("प्रतिनिधि"), "si": T("නියෝජිත"),
         "ta": T("பிரதிநிதி"), "bn": T("প্রতিনিধি"),
         "ur": T("نمائندہ", r"نمائند"), "km": T("តំណាង"), "my": T("ကိုယ်စားလှယ်"),
         "id": T("perwakilan", r"wakil"), "tr": T("temsilci")},
        "Someone workers chose to speak for them (not the adjective 'representative')."),
    "union": Concept(
        r"\bunions?\b",
        {"nl": T("vakbond"), "zh_Hans": T("工会"), "vi": T("công đoàn"),
         "hi": T("यूनियन"), "si": T("වෘත්තීය සමිති"), "ta": T("தொழிற்சங்க"),
         "bn": T("ইউনিয়ন"),
         "ur": T("یونین"), "km": T("សហជីព"), "my": T("သမဂ္ဂ"), "id": T("serikat"),
         "tr": T("sendika")},
        "A trade union."),
    "grievance mechanism": Concept(
        r"\bgrievance mechanisms?\b",
        {"nl": T("klachtenmechanisme"), "zh_Hans": T("申诉机制"),
         "vi": T("cơ chế khiếu nại")},
        "A channel through which workers raise complaints and get remedy.", INTERFACE),
    "withheld": Concept(
        r"\bwithheld\b|\bnot shown\b",
        {"nl": T("niet getoond"), "zh_Hans": T("不予显示"),
         "vi": T("không hiển thị", r"không (được )?hiển thị")},
        "A figure kept back to protect a small group of workers.", INTERFACE),
    "not stated": Concept(
        r"\bnot stated\b|\bdid not say\b",
        {"nl": T("niet aangegeven", r"niet (aan|opgegeven)"), "zh_Hans": T("未填写"),
         "vi": T("không cho biết")},
        "Respondents who skipped an optional question about themselves.", INTERFACE),
}


def _plain(text: str) -> str:
    return PLACEHOLDER.sub(" ", text)


def concepts_in(english: str, scope: str) -> list[str]:
    """The concepts an English text signals, among those checked in ``scope``."""
    plain = _plain(english)
    return [name for name, concept in GLOSSARY.items()
            if scope in concept.scope and re.search(concept.english, plain, re.I)]


def problems(english: str, translated: str, lang: str, scope: str) -> list[str]:
    """What ``translated`` gets wrong against the glossary, one line per concept:
    a missing term, a word to avoid, or a language the glossary has no term in."""
    found = []
    plain = _plain(translated)
    for name in concepts_in(english, scope):
        term = GLOSSARY[name].terms.get(lang)
        if term is None:
            found.append(f"{name}: no {lang} term in the glossary")
        elif not re.search(term.accepts, plain, re.I):
            found.append(f"{name}: use “{term.word}”")
        elif term.avoid and re.search(term.avoid, plain, re.I):
            found.append(f"{name}: “{term.word}”, not /{term.avoid}/")
    return found
