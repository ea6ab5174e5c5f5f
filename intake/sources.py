"""Where each rule's wording comes from, as cited under the rule (keys are used in guidance.rules
and guidance.short_answers)."""

from django.utils.translation import gettext_lazy as _

# Sections of the firm's article "Does a No Contact Order Go Both Ways in California?", by section id.
ARTICLE_SECTIONS = {
    "one-sided": _("No contact orders are one-sided in California"),
    "one-way-street": _("Understanding the one-way street of restraining orders"),
    "why-one-sided": _("Why doesn’t the order apply to both parties?"),
    "trap-of-responding": _("The dangerous trap of responding"),
    "documentation": _("Documentation is your protection"),
    "mutual-orders": _("Can the court issue mutual restraining orders?"),
    "criminal-orders": _("Special case: criminal protective orders"),
    "what-to-do": _("What to do if you’re under a restraining order"),
    "how-the-firm-helps": _("How the firm can help"),
}

# Well-established facts from outside the article, cited by name: California codes, the Judicial
# Council's forms, the courts' self-help guide and federal law.
FACTS = {
    "911-hotline": _("911, and the National Domestic Violence Hotline, 1-800-799-7233"),
    "hotline-online-safety": _("National Domestic Violence Hotline: spying apps can still see browsing"),
    "family-code-6383": _("Family Code 6383 (an officer telling the person of the order is notice)"),
    "family-code-6381": _("Family Code 6381 (orders enforced statewide)"),
    "penal-code-273.6": _("Penal Code 273.6 (knowingly breaking an order)"),
    "penal-code-166c1": _("Penal Code 166(c)(1) (breaking a criminal protective order)"),
    "penal-code-136.1": _("Penal Code 136.1 (dissuading a victim or witness)"),
    "penal-code-137": _("Penal Code 137 (getting someone to change their testimony)"),
    "family-code-6305": _("Family Code 6305 (mutual orders)"),
    "penal-code-836c3": _("Penal Code 836(c)(3) (police identify the main aggressor)"),
    "family-code-6389": _("Family Code 6389 (firearms, domestic violence orders)"),
    "ccp-527.9": _(
        "Code of Civil Procedure 527.9 (firearms: civil harassment, workplace, elder abuse and "
        "criminal orders)"
    ),
    "penal-code-18120": _("Penal Code 18120 (firearms, gun violence orders)"),
    "penal-code-18125": _("Penal Code 18125 (emergency gun violence orders last 21 days)"),
    "penal-code-136.2": _("Penal Code 136.2 (criminal protective orders)"),
    "order-precedence": _("Penal Code 136.2(c) and Family Code 6457 (which order police enforce)"),
    "family-code-6256": _("Family Code 6256 (emergency protective orders)"),
    "family-code-6240-6257": _("Family Code 6240–6257 (emergency orders at any hour)"),
    "family-code-6250-6257": _("Family Code 6250–6257 (emergency orders asked for by the police)"),
    "family-code-242-245": _("Family Code 242 and 245 (the hearing, and a moved hearing)"),
    "court-self-help-firearms": _("California Courts Self-Help Guide: firearms and restraining orders"),
    "court-self-help-response": _("California Courts Self-Help Guide: responding to a restraining order"),
    "court-self-help-request": _("California Courts Self-Help Guide: asking for a restraining order"),
    "court-self-help-gvro": _("California Courts Self-Help Guide: gun violence restraining orders"),
    "court-self-help-criminal": _("California Courts Self-Help Guide: criminal protective orders"),
    "court-self-help-centers": _("California Courts Self-Help Guide: self-help centers"),
    "notice-of-hearing-forms": _("Judicial Council forms DV-109 and CH-109 (notice of hearing)"),
    "response-forms": _("Judicial Council forms DV-120, CH-120, EA-120, WV-120 and GV-120 (response)"),
    "order-forms-allowed-contact": _(
        "Judicial Council forms DV-110, DV-130, CH-110, CH-130 and CR-160 (contact the order allows)"
    ),
    "cr-160-peaceful-contact": _("Judicial Council form CR-160 (peaceful contact)"),
    "dv-130-contact-allowed": _("Judicial Council form DV-130 (contact the order allows)"),
    "form-numbers": _("Judicial Council of California form numbers"),
    "cr-160": _("Judicial Council form CR-160 (criminal protective order)"),
    "usc-1227": _("8 U.S.C. 1227(a)(2)(E)(i) and (ii) (immigration)"),
}


# The same, as short as a citation can be, for the line under each rule on the visitor's page (the rule
# book and the printout's sources keep the titles above).
SHORT_ARTICLE_SECTIONS = {
    "one-sided": _("One-sided orders"),
    "one-way-street": _("The one-way street"),
    "why-one-sided": _("Why one-sided"),
    "trap-of-responding": _("The trap of responding"),
    "documentation": _("Documentation"),
    "mutual-orders": _("Mutual orders"),
    "criminal-orders": _("Criminal protective orders"),
    "what-to-do": _("What to do"),
    "how-the-firm-helps": _("How the firm can help"),
}
SHORT_FACTS = {
    "911-hotline": _("911; the National Domestic Violence Hotline"),
    "hotline-online-safety": _("the Hotline’s online safety advice"),
    "family-code-6383": _("Family Code 6383"),
    "family-code-6381": _("Family Code 6381"),
    "penal-code-273.6": _("Penal Code 273.6"),
    "penal-code-166c1": _("Penal Code 166(c)(1)"),
    "penal-code-136.1": _("Penal Code 136.1"),
    "penal-code-137": _("Penal Code 137"),
    "family-code-6305": _("Family Code 6305"),
    "penal-code-836c3": _("Penal Code 836(c)(3)"),
    "family-code-6389": _("Family Code 6389"),
    "ccp-527.9": _("Code of Civil Procedure 527.9"),
    "penal-code-18120": _("Penal Code 18120"),
    "penal-code-18125": _("Penal Code 18125"),
    "penal-code-136.2": _("Penal Code 136.2"),
    "order-precedence": _("Penal Code 136.2(c); Family Code 6457"),
    "family-code-6256": _("Family Code 6256"),
    "family-code-6240-6257": _("Family Code 6240–6257"),
    "family-code-6250-6257": _("Family Code 6250–6257"),
    "family-code-242-245": _("Family Code 242, 245"),
    "court-self-help-firearms": _("the courts’ self-help guide"),
    "court-self-help-response": _("the courts’ self-help guide"),
    "court-self-help-request": _("the courts’ self-help guide"),
    "court-self-help-gvro": _("the courts’ self-help guide"),
    "court-self-help-criminal": _("the courts’ self-help guide"),
    "court-self-help-centers": _("the courts’ self-help guide"),
    "notice-of-hearing-forms": _("forms DV-109, CH-109"),
    "response-forms": _("forms DV-120, CH-120, EA-120, WV-120, GV-120"),
    "order-forms-allowed-contact": _("forms DV-110, DV-130, CH-110, CH-130, CR-160"),
    "cr-160-peaceful-contact": _("form CR-160"),
    "dv-130-contact-allowed": _("form DV-130"),
    "form-numbers": _("the Judicial Council’s form numbers"),
    "cr-160": _("form CR-160"),
    "usc-1227": _("8 U.S.C. 1227(a)(2)(E)"),
}


def short_source_line(keys) -> str:
    """One short citation line: the article's sections together, then each other source once."""
    sections = [str(SHORT_ARTICLE_SECTIONS[key]) for key in keys if key in ARTICLE_SECTIONS]
    parts = []
    if sections:
        quoted = ", ".join(f"“{section}”" for section in sections)
        parts.append(str(_("the firm’s article (%(sections)s)") % {"sections": quoted}))
    for key in keys:
        if key not in ARTICLE_SECTIONS and str(SHORT_FACTS[key]) not in parts:
            parts.append(str(SHORT_FACTS[key]))
    return "; ".join(parts)


def source_titles(keys) -> list[str]:
    """The citation text for each source key, article sections marked as such."""
    titles = []
    for key in keys:
        if key in ARTICLE_SECTIONS:
            titles.append(_("the firm’s article, “%(section)s”") % {"section": ARTICLE_SECTIONS[key]})
        else:
            titles.append(FACTS[key])
    return titles
