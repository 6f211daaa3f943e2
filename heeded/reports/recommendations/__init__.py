"""The annual report's recommendations and their progress, kept by complaints managers in
the application (/reports/recommendations/): plain functions in ``services``, forms in
``forms``, views that only parse the request in ``views``."""
