"""Where each rule's wording comes from, as cited under the rule (keys are used in guidance.rules)."""

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

# Well-established facts from outside the article, cited by name.
FACTS = {
    "911-hotline": _("911, and the National Domestic Violence Hotline, 1-800-799-7233"),
    "family-code-6383": _("California Family Code section 6383 (notice of an order)"),
    "penal-code-273.6": _("California Penal Code section 273.6 (knowingly breaking an order)"),
    "family-code-6305": _("California Family Code section 6305 (mutual orders)"),
    "family-code-6389": _("California Family Code section 6389 (firearms)"),
    "penal-code-136.2": _("California Penal Code section 136.2 (criminal protective orders)"),
    "court-self-help-firearms": _("California Courts Self-Help Guide: firearms and restraining orders"),
    "court-self-help-response": _("California Courts Self-Help Guide: responding to a restraining order"),
    "court-self-help-gvro": _("California Courts Self-Help Guide: gun violence restraining orders"),
    "court-self-help-criminal": _("California Courts Self-Help Guide: criminal protective orders"),
    "court-self-help-centers": _("California Courts Self-Help Guide: self-help centers"),
    "dv-110-ch-110": _("Judicial Council forms DV-110 and CH-110 (temporary restraining orders)"),
    "form-numbers": _("Judicial Council of California form numbers"),
    "cr-160": _("Judicial Council form CR-160 (criminal protective order)"),
    "family-code-6256": _("California Family Code section 6256 (emergency protective orders)"),
}


def source_titles(keys) -> list[str]:
    """The citation text for each source key, article sections marked as such."""
    titles = []
    for key in keys:
        if key in ARTICLE_SECTIONS:
            titles.append(
                _("the firm’s article on no-contact orders, “%(section)s”")
                % {"section": ARTICLE_SECTIONS[key]}
            )
        else:
            titles.append(FACTS[key])
    return titles
