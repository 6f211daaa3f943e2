from django.urls import path, register_converter

from .views import actions, case, people, recording


class ReferenceConverter:
    """Case references: CS-2026-00042, or an imported council's own (anything but "/").

    "new" is never a reference: it starts the recording journey. "export.csv" is the case
    list's download, matched first by the workqueue's URLs.
    """

    regex = r"(?!new(?:/|$))[^/]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ReferenceConverter, "reference")

app_name = "casework"
urlpatterns = [
    path("new/", recording.choose_type, name="record"),
    path("new/people/", recording.people_found, name="people_found"),
    path("new/children/", recording.children_found, name="children_found"),
    path("new/deadlines/", recording.deadlines, name="deadlines"),
    path("new/<slug:record_type>/", recording.details, name="record_details"),
    path("<reference:reference>/", case.case_page, name="case"),
    path("<reference:reference>/people/<int:party>/", people.person_details, name="person"),
    path(
        "<reference:reference>/people/<int:party>/same-as/<int:person>/",
        people.same_person,
        name="same_person",
    ),
    path(
        "<reference:reference>/documents/<int:pk>/",
        case.download_document,
        name="document",
    ),
    path("<reference:reference>/<slug:action>/", actions.case_action, name="action"),
]
