"""Error pages Django leaves blank.

Django's ``require_POST`` and friends answer a wrong method with an empty 405: someone who
follows a bookmarked "retire" or "close" address, or types one, would see a blank page.
"""

from django.template.loader import render_to_string


class MethodNotAllowedPage:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            response.content = render_to_string("405.html", request=request)
            response["Content-Type"] = "text/html; charset=utf-8"
        return response
