"""Warnings while writing a questionnaire, following the pilot's rules. No Flask.

Each warning has a code, the question it concerns (or None for the whole
questionnaire) and parameters; the page translates the message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..text import N_

MAX_QUESTIONS = 20
#: A run of this many questions with the same negative answer invites answering
#: on autopilot.
SAME_NEGATIVE_RUN = 3
#: Positive share at or above which a question tells little any more.
NEAR_ALWAYS_POSITIVE = 0.95
#: Themes where people fear to speak for themselves: ask whether it happened to
#: them "or someone you work with".
SENSITIVE_THEMES = {"discrimination", "harassment", "violence", "supervisor",
                    "forced_labour", "recruitment", "association"}

#: A word standing alone (scripts whose vowel signs Python does not count as
#: word characters, so ``\b`` would cut words apart), before a space, the end or
#: punctuation (Urdu's own question mark, comma and full stop included).
def _word(words: str) -> str:
    return rf"(?<!\S)({words})(?=[\s?,.!।؟،۔]|$)"


# Khmer and Burmese write no spaces between words: their words are looked for
# inside the text, as Chinese ones are, so each is one that longer words do not
# hold. A Khmer yes/no question ends in "ឬទេ" ("or not"), which is no second
# thing; Burmese "နှင့်" is "and" but also "with" ("someone you work with"), so
# only its "or" is looked for.
CONJUNCTIONS = {
    "en": r"\b(and|or)\b", "nl": r"\b(en|of)\b", "vi": r"\b(và|hoặc)\b",
    "zh_Hans": r"(和|或|与|及)",
    "hi": _word("और|या|अथवा|तथा"), "si": _word("හෝ|සහ|හා|නැතහොත්"),
    "ta": _word("அல்லது|மற்றும்"), "bn": _word("এবং|বা|অথবা|ও"),
    "ur": _word("اور|یا|نیز"), "km": r"(និង|ឬ(?!ទេ))", "my": r"(သို့မဟုတ်|ဒါမှမဟုတ်)",
    "id": r"\b(dan|atau)\b", "tr": r"\b(ve|veya|ya da|yahut)\b",
}
#: "Do you get a pay slip that you understand?" asks whether there is one and
#: what it is like: a "no" cannot say which.
EXISTS_AND_PROPERTY = {
    "en": r"\b(a|an|any)\s+([\w-]+\s+){1,3}?(that|which)\s+(you|they|he|she|we)\b",
    "nl": r"\b(een|geen)\s+(\w+\s+){1,3}?(die|dat)\s+(je|jij|u|ze|zij|hij)\b",
}
#: Three or more things in a row ("gender, pregnancy, origin"): two commas with
#: at most three words between them, or the Chinese enumeration comma.
LIST = (r"[^\s,，、]+(\s+[^\s,，、]+){0,2}\s*[,，]\s*[^\s,，、]+(\s+[^\s,，、]+){0,2}"
        r"\s*[,，]\s*[^\s,，、?？]+"
        r"|[^\s,，、?？]{0,4}(、[^\s,，、?？]{1,4})+"
        # Urdu's comma.
        r"|[^\s،]+(\s+[^\s،]+){0,2}\s*،\s*[^\s،]+(\s+[^\s،]+){0,2}\s*،\s*[^\s،؟]+")
BROAD_WORDS = {
    "en": r"\b(equality|equal treatment|transparen\w*|safe environment|fair(ly|ness)?|respect)\b",
    "nl": r"\b(gelijkheid|gelijke behandeling|transparan\w*|veilige omgeving|eerlijk\w*)\b",
    "ur": _word("برابری|مساوات|مساوی سلوک|شفافیت|شفاف|محفوظ ماحول|منصفانہ|انصاف|عزت|احترام"),
    "km": r"(សមភាព|តម្លាភាព|បរិយាកាសសុវត្ថិភាព|យុត្តិធម៌|ការគោរព)",
    "my": r"(တန်းတူညီမျှ|ပွင့်လင်းမြင်သာ|ဘေးကင်းသောပတ်ဝန်းကျင်|တရားမျှတ|လေးစားမှု)",
    "id": r"\b(kesetaraan|perlakuan yang sama|transparan\w*|lingkungan yang aman|adil|keadilan"
          r"|rasa hormat|dihormati)\b",
    "tr": r"\b(eşitlik|eşit muamele|şeffaf\w*|güvenli (bir )?ortam|adil|adalet\w*|saygı\w*)\b",
}
#: Phrasings that suggest the answer, in every survey language we ship.
LEADING = {
    "en": r"\b(don't you|do you agree|wouldn't you|isn't it|surely|obviously|of course)\b",
    "nl": r"\b(vind je niet|ben je het eens|toch\?|natuurlijk|uiteraard|zeker wel)",
    "zh_Hans": r"(难道|不是吗|对吧|是吧|不觉得|不认为|同意吗|当然|显然)",
    "vi": r"(chẳng phải|đúng không|phải không|có đồng ý|tất nhiên|dĩ nhiên|hiển nhiên)",
    "hi": _word("है ना|हैं ना|नहीं लगता|सहमत हैं|बेशक|ज़ाहिर है|जाहिर है|ज़रूर|जरूर"),
    "si": _word("නේද|එකඟ ද|එකඟද|ඇත්තෙන්ම|නිසැකවම"),
    "ta": _word("இல்லையா|அல்லவா|ஒப்புக்கொள்கிறீர்களா|நிச்சயமாக|கண்டிப்பாக"),
    "bn": _word("তাই না|নয় কি|তাই নয়|একমত|অবশ্যই|নিশ্চয়ই"),
    "ur": _word("ہے نا|ہیں نا|نہیں لگتا|نہیں سمجھتے|متفق ہیں|یقیناً|یقینا|بے شک|بیشک|ظاہر ہے"
                "|ضرور|ناں"),
    "km": r"(មែនទេ|មែនអត់|យល់ស្របទេ|ពិតណាស់|ប្រាកដណាស់|ជាការពិតណាស់|ច្បាស់ណាស់)",
    "my": r"((?<!သို့)မဟုတ်လား|မဟုတ်ဘူးလား|ဟုတ်တယ်မလား|ဟုတ်တယ်နော်|သဘောတူတယ်မလား|သေချာပေါက်)",
    "id": r"\b(bukankah|tentu saja|tentunya|sudah pasti|setuju)\b|\b(bukan|kan)\s*\?",
    "tr": r"\b(değil mi|sence de|sizce de|katılmıyor musunuz|katılıyor musunuz|elbette|tabii ki"
          r"|şüphesiz|kuşkusuz)",
}
SOMEONE_ELSE = {
    "en": r"someone you work with|a colleague|co-?worker",
    "nl": r"iemand met wie je werkt|een collega",
    "vi": r"người làm cùng|đồng nghiệp",
    "zh_Hans": r"同事",
    "hi": r"साथ काम करने वाल|सहकर्मी",
    "si": r"සමඟ වැඩ කරන|සගයා",
    "ta": r"உங்களுடன் வேலை செய்யும்|சக ஊழியர்",
    "bn": r"সঙ্গে কাজ করেন|সহকর্মী",
    "ur": r"آپ کے ساتھ کام کرنے وال|ساتھی کارکن",
    "km": r"អ្នកដែលធ្វើការជាមួយអ្នក|មិត្តរួមការងារ",
    "my": r"သင်နှင့်အတူ\s*အလုပ်လုပ်သူ|လုပ်ဖော်ကိုင်ဖက်",
    "id": r"orang yang bekerja bersama Anda|rekan kerja",
    "tr": r"birlikte çalıştığınız|iş arkadaş",
}
#: The recommended framing, whose "or" does not make a question ask two things.
FRAMING = {
    "en": r"\bor (someone you work with|a colleague)",
    "nl": r"\bof (iemand met wie je werkt|een collega)",
    "vi": r"hoặc (người làm cùng|đồng nghiệp)",
    "zh_Hans": r"或您的同事",
    "hi": r"या आपके साथ काम",
    "si": r"හෝ ඔබ සමඟ වැඩ",
    "ta": r"அல்லது உங்களுடன் வேலை",
    "bn": r"বা আপনার সঙ্গে কাজ",
    "ur": r"یا آپ کے ساتھ کام",
    "km": r"ឬ\s*អ្នកដែលធ្វើការជាមួយ",
    "my": r"(သို့မဟုတ်|ဒါမှမဟုတ်)\s*သင်နှင့်အတူ",
    "id": r"\batau (orang yang bekerja bersama|rekan kerja)",
    "tr": r"\bveya (birlikte çalıştığınız|bir iş arkadaş)",
}

MESSAGES = {
    "too_many": N_("More than %(max)s questions: long questionnaires get fewer and worse "
                   "answers."),
    "same_negative_run": N_("%(count)s questions in a row count the same answer as "
                            "negative. Alternate between yes and no so that people do not "
                            "answer on autopilot."),
    "two_things": N_("This question may ask two things at once ('%(word)s'). Ask one thing "
                     "per question."),
    "exists_and_property": N_("This question asks whether something exists and what it is "
                              "like at once ('%(word)s'): a 'no' cannot tell which. Ask one "
                              "thing per question."),
    "a_list": N_("This question lists several things ('%(word)s'): an answer cannot tell "
                 "which of them it is about. Ask about one, or split the question."),
    "broad_word": N_("'%(word)s' means different things to different people. Say what you "
                     "mean by it."),
    "leading": N_("This question suggests an answer ('%(word)s'). Ask neutrally."),
    "not_someone_else": N_("A sensitive topic: ask whether it has happened to the worker or "
                           "someone they work with, so that nobody has to speak about "
                           "themselves."),
    "framing_lost": N_("The text in %(language)s leaves out 'or someone you work with': "
                       "workers who read it must speak about themselves."),
    "missing_translation": N_("The text in %(language)s is missing."),
    "no_standard": N_("This question cites no standard, and this questionnaire is to cite "
                      "one for each question (for example ESRS S2, SMETA or an ILO "
                      "convention)."),
    "near_always_positive": N_("Almost everyone answered positively in the last %(cycles)s "
                               "cycles. Consider replacing it with a question that tells you "
                               "more."),
}


@dataclass(frozen=True)
class Draft:
    """A question as the linter sees it."""

    code: str
    theme: str
    negative: str  # "yes" or "no"
    texts: Mapping[str, str] = field(default_factory=dict)
    #: The standard the question is based on, e.g. "ILO C029"; "" for none.
    standard: str = ""


@dataclass(frozen=True)
class Warning:
    code: str
    question: str | None = None
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return MESSAGES[self.code]


def _find(patterns: Mapping[str, str], texts: Mapping[str, str]) -> str | None:
    for lang, pattern in patterns.items():
        found = re.search(pattern, texts.get(lang, ""), re.IGNORECASE)
        if found:
            return found.group(0).strip()
    return None


def _framing_warnings(question: Draft) -> list[Warning]:
    """A sensitive question must be framed as "you or someone you work with", in
    English and in every translation of it."""
    texts = question.texts
    if question.theme not in SENSITIVE_THEMES or not texts.get("en"):
        return []
    if not _find({"en": SOMEONE_ELSE["en"]}, texts) \
            and not _find({"nl": SOMEONE_ELSE["nl"]}, texts):
        return [Warning("not_someone_else", question.code)]
    return [Warning("framing_lost", question.code, {"language": lang})
            for lang, pattern in SOMEONE_ELSE.items()
            if lang != "en" and texts.get(lang, "").strip()
            and not re.search(pattern, texts[lang], re.IGNORECASE)]


def lint(questions: Sequence[Draft], languages: Sequence[str],
         positive_history: Mapping[str, Sequence[float]] | None = None,
         cite_standards: bool = False) -> list[Warning]:
    """Every warning for the questionnaire, in question order. ``cite_standards``:
    the company asked for a standard behind each question."""
    warnings: list[Warning] = []
    if len(questions) > MAX_QUESTIONS:
        warnings.append(Warning("too_many", None, {"max": MAX_QUESTIONS}))
    run = 1
    for before, question in zip(questions, questions[1:], strict=False):
        run = run + 1 if question.negative == before.negative else 1
        if run == SAME_NEGATIVE_RUN:
            warnings.append(Warning("same_negative_run", question.code, {"count": run}))
    for question in questions:
        texts = question.texts
        # "…you or someone you work with" is the recommended framing, not two things.
        plain = {lang: re.sub(FRAMING.get(lang, "$^"), "", text, flags=re.IGNORECASE)
                 for lang, text in texts.items()}
        for code, patterns in (("two_things", CONJUNCTIONS),
                               ("exists_and_property", EXISTS_AND_PROPERTY),
                               ("a_list", dict.fromkeys(texts, LIST)),
                               ("broad_word", BROAD_WORDS), ("leading", LEADING)):
            word = _find(patterns, plain)
            if word:
                warnings.append(Warning(code, question.code, {"word": word}))
        warnings.extend(_framing_warnings(question))
        for language in languages:
            if not texts.get(language, "").strip():
                warnings.append(Warning("missing_translation", question.code,
                                        {"language": language}))
        if cite_standards and not question.standard.strip():
            warnings.append(Warning("no_standard", question.code))
        shares = list((positive_history or {}).get(question.code, ()))[-2:]
        if len(shares) == 2 and min(shares) >= NEAR_ALWAYS_POSITIVE:
            warnings.append(Warning("near_always_positive", question.code,
                                    {"cycles": len(shares)}))
    return warnings
