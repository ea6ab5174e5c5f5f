from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Intake desk"
admin.site.site_title = "Intake desk"
admin.site.index_title = "Consultation requests and intakes"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("intake.urls")),
]
