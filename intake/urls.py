from django.urls import path, re_path

from intake.views import guidance, health, pages
from intake.views.wizard import QuestionWizard

questions = QuestionWizard.as_view(url_name="questions_step", done_step_name="done")

urlpatterns = [
    path("", pages.start, name="start"),
    path("healthz", health.healthz, name="healthz"),
    path("exit/", pages.quick_exit, name="quick_exit"),
    path("online-safety/", pages.online_safety, name="online_safety"),
    path("privacy/", pages.privacy, name="privacy"),
    path("start-again/", pages.start_again, name="start_again"),
    path("delete/", pages.delete_answers, name="delete_answers"),
    path("deleted/", pages.answers_deleted, name="answers_deleted"),
    re_path(r"^questions/(?P<step>[^/]+)/$", questions, name="questions_step"),
    path("questions/", questions, name="questions"),
    path("guidance/", guidance.guidance, name="guidance"),
    path("guidance/change/", guidance.change_answers, name="change_answers"),
    path("guidance/request-sent/", guidance.consultation_sent, name="consultation_sent"),
]
