"""Request bodies are bounded from their headers, before anything reads them."""

from django.conf import settings

from web.errors import body_refused


class BoundedRequestBodyMiddleware:
    """Refuses, from the headers alone, a body larger than DATA_UPLOAD_MAX_MEMORY_SIZE (413) and a body
    whose length is not stated (411, Transfer-Encoding: chunked): nothing of it is read.

    A middleware, because Django's own limit does not cover every body. Django compares Content-Length
    with DATA_UPLOAD_MAX_MEMORY_SIZE before reading only a body it reads whole (request.body: URL-encoded
    forms). A multipart body goes to its streaming parser, which counts only the values of named fields
    against that limit and reads everything else to the end (file parts, parts without a name): 200 MB
    sent to a question was read, spooled to disk and answered with the next question. Nothing on the
    site takes files, and its largest form is far below the limit.

    A body of no stated length Django never reads (a WSGI request without Content-Length is empty to
    it), so a chunked form would arrive empty, as if nothing had been typed; it is refused instead.

    Placed after LocaleMiddleware, so the page is in the visitor's language, and before anything that
    reads the body (CsrfViewMiddleware reads the form for its token).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if "HTTP_TRANSFER_ENCODING" in request.META:
            return body_refused(request, 411)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return body_refused(request, 400)
        if length < 0:
            return body_refused(request, 400)
        if limit is not None and length > limit:
            return body_refused(request, 413)
        return self.get_response(request)
