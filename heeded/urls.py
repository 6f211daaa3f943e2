from django.contrib import admin
from django.urls import path

admin.site.site_header = "Heeded administration"
admin.site.site_title = "Heeded"

urlpatterns = [
    path("admin/", admin.site.urls),
]
