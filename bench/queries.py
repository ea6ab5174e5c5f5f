import time

from django.db import connections


class CountQueries:
    """Adds X-Bench-Queries (database queries the request made) and X-Bench-CPU-us (CPU time the
    request took inside Django, in microseconds). Benchmark settings only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        started = time.thread_time_ns()
        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Bench-CPU-us"] = str((time.thread_time_ns() - started) // 1000)
        response["X-Bench-Queries"] = str(count)
        return response
