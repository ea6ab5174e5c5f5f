from django.urls import path, re_path

from intake.views import guidance, pages, staff
from intake.views.wizard import QuestionWizard

questions = QuestionWizard.as_view(url_name="questions_step", done_step_name="done")

urlpatterns = [
    path("", pages.start, name="start"),
    path("exit/", pages.quick_exit, name="quick_exit"),
    re_path(r"^questions/(?P<step>[^/]+)/$", questions, name="questions_step"),
    path("questions/", questions, name="questions"),
    path("guidance/", guidance.guidance, name="guidance"),
    path("guidance/request-sent/", guidance.consultation_sent, name="consultation_sent"),
    path("staff/rule-book/", staff.rule_book, name="rule_book"),
]
