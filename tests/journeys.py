"""Walk the questionnaire through Django's test client, as a browser would."""

from guidance.vocabulary import Step

STEP_FIELDS = {
    Step.ROLE: ["role"],
    Step.ORDER: ["order_types"],
    Step.ORDER_STAGE: ["order_stage"],
    Step.ORDER_EXCEPTIONS: ["order_exceptions"],
    Step.CONTACT: ["contact_kinds"],
    Step.CONTACT_DETAILS: ["initiated_by", "responded", "said_ok"],
    Step.SITUATION: ["criminal_case", "court_date"],
}


FULL = {
    "role": "restrained",
    "order_types": ["domestic_violence"],
    "order_stage": "temporary",
    "order_exceptions": "no",
    "contact_kinds": ["text"],
    "initiated_by": "protected",
    "responded": "no",
    "said_ok": "yes",
    "criminal_case": "no",
    "court_date": None,
}


def journey(**changes):
    data = dict(FULL)
    data.update(changes)
    return data


# A valid consultation request.
VALID = {
    "name": "Sam",
    "preferred_method": "phone",
    "phone": "213 555 0143",
    "email": "",
    "voicemail_ok": "no",
    "say_firm_name": "no",
    "best_time": "after 5pm",
    "other_party_name": "Alex Doe",
    "message": "",
    "consent": "on",
}


# Every question step, in order (a journey shows some of them).
QUESTIONS = [str(step) for step in STEP_FIELDS]


def step_url(step):
    return f"/questions/{step}/"


def step_data(step, answers):
    """POST data for one step, with '<step>-<field>' keys and the management form."""
    data = {"questions_wizard-current_step": step, "questions-current_step": step}
    for field in STEP_FIELDS.get(step, []):
        if field not in answers:
            continue
        value = answers[field]
        if field == "court_date":
            if value:
                data[f"{step}-court_date_month"] = str(value.month)
                data[f"{step}-court_date_day"] = str(value.day)
                data[f"{step}-court_date_year"] = str(value.year)
        else:
            data[f"{step}-{field}"] = value
    return data


class Visitor:
    def __init__(self, client):
        self.client = client
        self.steps_seen = []

    def answer(self, step, answers):
        return self.client.post(step_url(step), step_data(step, answers))

    def walk(self, answers, *, finish=True):
        """Start, answer every step the wizard asks for, and (optionally) finish on "check"."""
        response = self.client.get("/questions/")
        assert response.status_code == 302, response
        location = response["Location"]
        while location != step_url(Step.CHECK):
            step = location.strip("/").split("/")[-1]
            self.steps_seen.append(step)
            assert self.client.get(location).status_code == 200
            response = self.answer(step, answers)
            assert response.status_code == 302, (step, response.content[:2000])
            location = response["Location"]
        if not finish:
            return response
        assert self.client.get(step_url(Step.CHECK)).status_code == 200
        response = self.client.post(step_url(Step.CHECK), step_data(Step.CHECK, {}))
        assert response.status_code == 302 and response["Location"] == "/guidance/", response
        return response
