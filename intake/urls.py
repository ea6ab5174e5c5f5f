from django.urls import path, re_path

from intake.views import guidance, language, pages, takeaway
from intake.views.wizard import QuestionWizard

questions = QuestionWizard.as_view(url_name="questions_step", done_step_name="done")

urlpatterns = [
    path("", pages.start, name="start"),
    path("exit/", pages.quick_exit, name="quick_exit"),
    path("online-safety/", pages.online_safety, name="online_safety"),
    path("privacy/", pages.privacy, name="privacy"),
    path("start-again/", pages.start_again, name="start_again"),
    path("delete/", pages.delete_answers, name="delete_answers"),
    path("delete/confirm/", pages.delete_confirm, name="delete_confirm"),
    path("deleted/", pages.answers_deleted, name="answers_deleted"),
    re_path(r"^questions/(?P<step>[^/]+)/$", questions, name="questions_step"),
    re_path(r"^questions/(?P<step>[^/]+)/language/$", language.question_language, name="question_language"),
    path("questions/", questions, name="questions"),
    path("guidance/", guidance.guidance, name="guidance"),
    path("guidance/change/", guidance.change_answers, name="change_answers"),
    path("guidance/print/", takeaway.guidance_print, name="guidance_print"),
    path("guidance/reminder.ics", takeaway.court_date_calendar, name="court_date_calendar"),
    path("contact-log/", takeaway.contact_log, name="contact_log"),
    path("guidance/language/", language.guidance_language, name="guidance_language"),
    path("guidance/request-sent/", guidance.consultation_sent, name="consultation_sent"),
]
