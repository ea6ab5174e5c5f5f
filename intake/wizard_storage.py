"""Session storage for the questions that writes the session only when an answer changes.

django-formtools' SessionStorage marks the session modified on every read, so every page view
rewrote the session (a file, or Redis and the database). Here only real changes do (so a visitor
who has only looked at the first question has no stored session yet), and the current step is not
stored at all: the URL names it on every request.

It also keeps drafts (intake.drafts): what a visitor ticked or typed on a question but did not send,
kept across a language switch. They are not answers: formtools never sees them, and they sit beside
the answers in the same session entry, so that whatever clears the answers (finishing, Start again,
Quick exit) clears them too.
"""

from formtools.wizard.storage.session import SessionStorage

DRAFTS_KEY = "drafts"


class QuestionStorage(SessionStorage):
    def __init__(self, prefix, request=None, file_storage=None):
        self._current_step = None
        was_modified = request.session.modified
        super().__init__(prefix, request, file_storage)
        # An empty wizard is not worth a session write: the first answer saves it.
        request.session.modified = was_modified

    def _get_data(self):
        return self.request.session[self.prefix]

    def _set_data(self, value):
        self.request.session[self.prefix] = value

    data = property(_get_data, _set_data)

    def _changed(self):
        self.request.session.modified = True

    def _get_current_step(self):
        return self._current_step

    def _set_current_step(self, step):
        self._current_step = step

    def _set_extra_data(self, extra_data):
        super()._set_extra_data(extra_data)
        self._changed()

    extra_data = property(SessionStorage._get_extra_data, _set_extra_data)

    def set_step_data(self, step, cleaned_data):
        super().set_step_data(step, cleaned_data)
        self._changed()

    def reset(self):
        super().reset()
        self._changed()

    # --- drafts ---------------------------------------------------------------------

    def get_draft(self, step):
        """What was ticked or typed on `step` but not sent (a dict of field values), or None."""
        return self.data.get(DRAFTS_KEY, {}).get(step)

    def set_draft(self, step, draft):
        """Keep `draft` for `step`, or forget the step's draft if `draft` is None. Writes the session
        only on a change."""
        drafts = self.data.get(DRAFTS_KEY, {})
        if drafts.get(step) == draft:
            return
        drafts = {name: value for name, value in drafts.items() if name != step}
        if draft is not None:
            drafts[step] = draft
        self.data[DRAFTS_KEY] = drafts
        self._changed()

    def drop_drafts(self, steps):
        """Forget the drafts of `steps` (writes the session only if there was one)."""
        for step in steps:
            self.set_draft(step, None)
