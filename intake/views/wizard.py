"""The questions: a NamedUrlSessionWizardView at /questions/<step>/.

django-formtools does the storage and rendering; this class decides the route. The URL's
step is the authority (a tampered management form or another tab cannot change which
answer is saved), only each form's own fields are kept, a visitor cannot skip ahead of
an unanswered question, and finishing happens on the POST of "check", never on a GET.
What was ticked on a question but not sent, kept across a language switch (intake.drafts), is
shown again on that question until it is sent, and is never an answer.
"""

import logging
import uuid

from django.conf import settings
from django.db import DatabaseError
from django.forms import MultiWidget
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_ratelimit.core import is_ratelimited
from formtools.wizard.views import NamedUrlSessionWizardView

from guidance import Answers
from guidance.vocabulary import OrderType, Step
from intake import choices, journey, summary
from intake.models import Intake
from intake.services import intake_create, intake_replace
from intake.steps import CONDITIONS, FORMS, QUESTION_STEPS, question_count
from web import errors, page_memory
from web.logging import database_error
from web.notices import notice_once

logger = logging.getLogger(__name__)

JOURNEY_KEY = "journey"
CHECKED_KEY = "checked_steps"
PERSPECTIVE_KEY = "contact_details_perspective"
# The reference of the finished intake a journey answers again; finishing replaces it.
REPLACES_KEY = "replaces_intake"

ASKED_AGAIN = gettext_lazy(
    "You changed an answer that these questions depend on, so your earlier answers here were "
    "cleared. Please answer them again."
)
ANSWERS_LOCKED = gettext_lazy(
    "You have asked us for a call, so your answers can no longer be changed here. To change "
    "anything, call us and give your reference."
)


def reopen(session, intake) -> None:
    """Put a finished intake's answers back into the questions, as a new journey that replaces it
    when finished: for a visitor who wants to change an answer after seeing their guidance. A
    journey already answering it again (the button pressed twice, or again after Back) is kept."""
    under_way = (session.get(journey.WIZARD_KEY) or {}).get("extra_data") or {}
    if under_way.get(REPLACES_KEY) == intake.reference:
        return
    answers = intake.answers
    step_data = {}
    for step, form in FORMS:
        if step != Step.CHECK and (data := form.data_from(answers, prefix=step)):
            step_data[str(step)] = data
    mutual = OrderType.MUTUAL in (answers.get("order_types") or ())
    session[journey.WIZARD_KEY] = {
        "step": None,
        "step_data": step_data,
        "step_files": {},
        "extra_data": {
            JOURNEY_KEY: str(uuid.uuid4()),
            CHECKED_KEY: sorted(step_data),
            PERSPECTIVE_KEY: choices.perspective(answers.get("role"), mutual),
            REPLACES_KEY: intake.reference,
        },
    }


class QuestionWizard(NamedUrlSessionWizardView):
    storage_name = "intake.wizard_storage.QuestionStorage"
    form_list = FORMS
    condition_dict = {
        step: lambda wizard, shown=shown: shown(wizard.answers_for) for step, shown in CONDITIONS.items()
    }

    @classmethod
    def as_view(cls, *args, **kwargs):
        # Never cached by browsers or proxies; answers never in error reports. Wrapped once here:
        # method_decorator on dispatch would rebuild its wrappers on every request.
        return never_cache(sensitive_post_parameters()(super().as_view(*args, **kwargs)))

    def get_prefix(self, request, *args, **kwargs):
        return "questions"

    def get_form_list(self):
        """formtools' form list, kept until the answers change (forget_cached_answers): formtools keeps
        it too, but recomputes a signature of its conditions on each of the many calls per request."""
        if "_form_list_memo" not in self.__dict__:
            self._form_list_memo = super().get_form_list()
        return self._form_list_memo.copy()

    def get_template_names(self):
        if self.steps.current == Step.CHECK:
            return ["questions/check.html"]
        return ["questions/step.html"]

    # --- answers -------------------------------------------------------------------

    def answers_for(self, step):
        """The answers saved for `step`, or None. Cleaned when saved; finish() checks them again."""
        cache = self.__dict__.setdefault("_answers_cache", {})
        if step not in cache:
            data = self.saved_data(step)
            cache[step] = None if data is None else dict(self.form_list)[step].answers_from(data, prefix=step)
        return cache[step]

    def saved_data(self, step):
        """The data saved for `step`, unless it no longer means what the visitor chose.

        Who started the contact is answered in the visitor's own words ("I did", "They did"): if the
        role, or whether the orders are mutual, has changed since, the same stored value would mean
        something else, so the question is asked again.
        """
        data = self.storage.get_step_data(step)
        if (
            step == Step.CONTACT_DETAILS
            and data is not None
            and self.storage.extra_data.get(PERSPECTIVE_KEY) != self.perspective()
        ):
            return None
        return data

    def perspective(self):
        role = (self.answers_for(Step.ROLE) or {}).get("role")
        mutual = OrderType.MUTUAL in (self.answers_for(Step.ORDER) or {}).get("order_types", ())
        return choices.perspective(role, mutual)

    def validated_answers(self, step):
        """The saved answers for `step` validated again by its form, or None if they no longer validate."""
        data = self.saved_data(step)
        if data is None:
            return None
        form = dict(self.form_list)[step](data=data, prefix=step, **self.get_form_kwargs(step))
        return form.cleaned_data if form.is_valid() else None

    def forget_cached_answers(self):
        for memo in ("_answers_cache", "_form_list_memo", "_resolved_form_list", "_cache_signature"):
            self.__dict__.pop(memo, None)

    def shown_questions(self):
        return [step for step in self.get_form_list() if step != Step.CHECK]

    def first_unanswered(self, before=None):
        """The first question shown before `before` (or anywhere) that has no valid answer."""
        for step in self.shown_questions():
            if step == before:
                return None
            if self.answers_for(step) is None:
                return step
        return None

    def resume_step(self):
        return self.first_unanswered() or Step.CHECK

    def get_form_kwargs(self, step=None):
        if step in (Step.ROLE, Step.ORDER):
            return {}
        role = (self.answers_for(Step.ROLE) or {}).get("role")
        orders = (self.answers_for(Step.ORDER) or {}).get("order_types", ())
        return {
            "visitor_role": role,
            "mutual": OrderType.MUTUAL in orders,
            "no_order": OrderType.NONE_YET in orders,
        }

    def get_form_step_data(self, form):
        return form.stored_data()

    def collected_answers(self, answers_for=None):
        answers_for = answers_for or self.answers_for
        merged = {}
        for step in self.shown_questions():
            merged.update(answers_for(step) or {})
        return Answers.from_dict(merged)

    def journey_id(self):
        extra = self.storage.extra_data
        if JOURNEY_KEY not in extra:
            extra[JOURNEY_KEY] = str(uuid.uuid4())
            self.storage.extra_data = extra
        return extra[JOURNEY_KEY]

    # --- routing --------------------------------------------------------------------

    def get(self, request, *args, **kwargs):
        if (locked := self.answers_locked()) is not None:
            return locked
        step = kwargs.get("step")
        if step not in (None, Step.ROLE) and JOURNEY_KEY not in self.storage.extra_data:
            # No journey under way. Finished: the answers are stored and shown on the guidance (Back
            # from it lands here). A session cookie but no answers: it expired or was cleared mid-way.
            if journey.finished_reference(request.session):
                return redirect("guidance")
            if journey.session_has_ended(request):
                return render(request, "questions/session_ended.html")
        if step not in self.get_form_list():
            return self.redirect_elsewhere(step)
        # No journey yet on a first look: it begins with the first answer (journey_missing).
        if (missing := self.first_unanswered(before=step)) is not None:
            return redirect(self.get_step_url(missing))
        self.storage.current_step = step
        fills = None
        if step == Step.CHECK:
            self.remember_checked(self.shown_questions())
            fills = {"summary_html": self.summary_html()}  # the answers: this visitor's own
        return page_memory.respond(
            request,
            self.page_facts(step),
            lambda **extra: self.render(self.form_shown(step), **extra),
            fills=fills,
        )

    def form_shown(self, step):
        """The question's form as the visitor left it: what they ticked but did not send (a draft kept
        across a language switch, shown as it was, not checked), or else their saved answer."""
        draft = self.storage.get_draft(step)
        if draft is None:
            return self.get_form(step, data=self.saved_data(step))
        form = self.get_form(step)
        form.initial = draft
        return form

    def post(self, request, *args, **kwargs):
        if (locked := self.answers_locked()) is not None:
            return locked
        step = kwargs.get("step")
        if self.storage.extra_data.get(JOURNEY_KEY) is None:
            return self.journey_missing(step)
        if step not in self.get_form_list():
            return self.redirect_elsewhere(step)
        if (missing := self.first_unanswered(before=step)) is not None:
            notice_once(request, _("Please answer this question first."))
            return redirect(self.get_step_url(missing))
        self.storage.current_step = step
        # Sent: what the form carries replaces anything kept of it across a language switch.
        self.storage.set_draft(step, None)
        form = self.get_form(step, data=request.POST)
        if step == Step.CHECK and form.caught_a_bot:
            return errors.form_refused(request)
        if not form.is_valid():
            return self.render(form)
        if step == Step.CHECK:
            if is_ratelimited(
                request, group="finish", key="ip", rate=settings.RATELIMIT_FINISH, increment=True
            ):
                return errors.rate_limited(request)
            return self.finish()
        answer = self.process_step(form)
        if self.storage.data[self.storage.step_data_key].get(step) != answer:
            # A changed answer can change what later questions mean (who "they" are): their drafts go.
            self.storage.drop_drafts(QUESTION_STEPS[QUESTION_STEPS.index(step) + 1 :])
        self.storage.set_step_data(step, answer)
        if step == Step.CONTACT_DETAILS:
            extra = self.storage.extra_data
            extra[PERSPECTIVE_KEY] = self.perspective()
            self.storage.extra_data = extra
        self.forget_cached_answers()
        return redirect(self.get_step_url(self.step_after(step)))

    def step_after(self, step):
        """The next question; once the visitor has seen "check", any newly needed question, then "check"."""
        checked = self.storage.extra_data.get(CHECKED_KEY)
        if checked is None:
            return self.get_next_step(step)
        self.remember_checked([*checked, step])
        checked = set(self.storage.extra_data[CHECKED_KEY])
        for question in self.shown_questions():
            if question not in checked or self.answers_for(question) is None:
                if self.storage.get_step_data(question) is not None and self.answers_for(question) is None:
                    # Answered before, but the change made those answers mean something else.
                    notice_once(self.request, ASKED_AGAIN)
                return question
        return Step.CHECK

    def remember_checked(self, steps):
        extra = self.storage.extra_data
        checked = sorted(set(steps))
        if extra.get(CHECKED_KEY) != checked:  # the session is written only on a change
            extra[CHECKED_KEY] = checked
            self.storage.extra_data = extra

    def redirect_elsewhere(self, step):
        """A step that does not exist or is not part of this visitor's questions."""
        if (
            step is not None
            and journey.finished_reference(self.request.session)
            and not self.storage.extra_data
        ):
            return redirect("guidance")
        # Said only to someone with answers: a visitor without any (a newcomer, or Back after Quick
        # exit) is simply taken to the first question, and no session is made to hold the message.
        if step is not None and step != self.done_step_name and JOURNEY_KEY in self.storage.extra_data:
            notice_once(self.request, _("That question does not apply to your answers."))
        return redirect(self.get_step_url(self.resume_step()))

    def journey_missing(self, step):
        """A POST without a journey: the first answer (of a first or a new journey), or a later one
        after finishing (a second press of "Continue", say), after the session ended, or before any."""
        if step != Step.ROLE:
            if journey.finished_reference(self.request.session):
                return redirect("guidance")
            if journey.session_has_ended(self.request):
                return render(self.request, "questions/session_ended.html", status=400)
            notice_once(self.request, _("Please answer this question first."))
            return redirect(self.get_step_url(Step.ROLE))
        self.journey_id()
        return self.post(self.request, step=step)

    # --- finishing --------------------------------------------------------------------

    def finish(self):
        if (missing := self.first_unanswered()) is not None:
            return redirect(self.get_step_url(missing))
        # Every answer passes its form once more before anything is stored.
        validated = {}
        for step in self.shown_questions():
            validated[step] = self.validated_answers(step)
            if validated[step] is None:
                return redirect(self.get_step_url(step))
        try:
            intake = intake_create(
                answers=self.collected_answers(validated.get),
                language=get_language(),
                journey_id=self.journey_id(),
            )
        except DatabaseError as error:
            # The answers stay in the session; finishing again after recovery stores one intake.
            logger.error(
                "could not store an intake (%s); the visitor was asked to retry", database_error(error)
            )
            return render(self.request, "questions/try_again.html", status=503)
        replaced = self.storage.extra_data.get(REPLACES_KEY)
        if replaced and replaced != intake.reference:
            try:
                kept = intake_replace(reference=replaced, by=intake)
            except DatabaseError as error:  # both stay; an earlier one without a call is reduced within a day
                logger.error("could not replace an intake (%s)", database_error(error))
                kept = intake
            if kept != intake:  # a call was asked for on the earlier answers meanwhile
                journey.remember_finished(self.request.session, kept.reference)
                self.storage.reset()
                notice_once(self.request, ANSWERS_LOCKED)
                return redirect("consultation_sent")
        journey.remember_finished(self.request.session, intake.reference)
        self.storage.reset()
        return redirect("guidance")

    # --- rendering --------------------------------------------------------------------

    def position(self, step):
        """The question's number among this visitor's questions (None for "check"); how many questions
        the answers so far lead to, at most, and whether that number is final (no question still
        shown or not depending on one not yet answered); and the Back link."""
        questions = self.shown_questions()
        number = questions.index(step) + 1 if step in questions else None
        total, final = question_count(self.answers_for)
        previous = self.get_prev_step(step)
        return number, total, final, self.get_step_url(previous) if previous else "/"

    def page_facts(self, step):
        """Everything a question page's look depends on besides language, step, date and footer, for
        page_memory; None for a page showing a saved date or a draft, which are not kept."""
        if self.storage.get_draft(step) is not None:
            return None  # what this visitor ticked but did not send
        data = self.saved_data(step)
        fields = dict(self.form_list)[step].base_fields.items()
        dates = tuple(f"{step}-{name}" for name, field in fields if isinstance(field.widget, MultiWidget))
        if data is not None and dates and any(key.startswith(dates) for key in data):
            return None
        return [
            None if data is None else sorted(data.lists()),  # every value of a field, not only its last
            self.get_form_kwargs(step),
            self.position(step),
            self.replacing(),
        ]

    def answers_locked(self):
        """Answers put back to replace a finished intake on which a call has been asked for since
        (from another tab): they can no longer replace it, and the visitor is told at once, before
        changing anything more, rather than when finishing."""
        replaced = self.storage.extra_data.get(REPLACES_KEY)
        if (
            replaced is None
            or not Intake.objects.filter(reference=replaced, consultation_requested_at__isnull=False).exists()
        ):
            return None
        self.storage.reset()
        notice_once(self.request, ANSWERS_LOCKED)
        return redirect("consultation_sent")

    def replacing(self) -> bool:
        """Whether these answers were put back from a finished journey, to replace its guidance."""
        return REPLACES_KEY in self.storage.extra_data

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        step = self.steps.current
        # How many questions there are depends on the answers: "of up to" until the answers so far fix it.
        number, total, final, back_url = self.position(step)
        context.update(question_number=number, question_total=total, total_final=final, back_url=back_url)
        if step != Step.CHECK:
            # The language switch sends the question's form, so that what is ticked is kept (intake.drafts).
            context["switch_form"] = "question-form"
            context["switch_action"] = reverse("question_language", kwargs={"step": step})
        if step == Step.CHECK and "summary_html" not in context:
            context["summary_html"] = self.summary_html()
        context["replacing"] = self.replacing()
        return context

    def summary_html(self):
        return summary.summary_html(self.collected_answers().to_dict())
