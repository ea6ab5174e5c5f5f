from django.contrib import admin
from django.urls import include, path

from intake.admin_site import IntakeAdminSite
from intake.views import staff
from web.health import healthz

# The default admin site, with two-factor sign-in when STAFF_2FA_REQUIRED (django-otp).
admin.site.__class__ = IntakeAdminSite

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),  # set_language: the language switch posts here
    path("admin/", admin.site.urls),
    # Staff pages outside the intake admin go through the admin site's checks (staff, two-factor).
    path("staff/rule-book/", admin.site.admin_view(staff.rule_book), name="rule_book"),
    path("staff/rule-book/approve/", admin.site.admin_view(staff.approve_wording), name="approve_wording"),
    path("", include("intake.urls")),
]

handler400 = "web.errors.bad_request"
handler403 = "web.errors.permission_denied"
handler404 = "web.errors.page_not_found"
handler500 = "web.errors.server_error"
