"""The Permissions-Policy header (settings.PERMISSIONS_POLICY): Django sets the other security
headers itself (SecurityMiddleware, XFrameOptionsMiddleware) and django-csp the CSP."""

from django.conf import settings


def permissions_policy(get_response):
    policy = settings.PERMISSIONS_POLICY

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", policy)
        return response

    return middleware
