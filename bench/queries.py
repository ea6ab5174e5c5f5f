import time

from django.db import connections

from bench.timed_sessions import in_session


class CountQueries:
    """Adds X-Bench-Queries (database queries the request made) and CPU times in microseconds:
    X-Bench-CPU-us (the request inside Django), X-Bench-Session-us (loading and saving its session,
    database queries included) and X-Bench-DB-us (its other database queries). Benchmark settings
    only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count, database_ns = 0, 0

        def counter(execute, sql, params, many, context):
            nonlocal count, database_ns
            count += 1
            if in_session.get():
                return execute(sql, params, many, context)
            started = time.thread_time_ns()
            try:
                return execute(sql, params, many, context)
            finally:
                database_ns += time.thread_time_ns() - started

        started = time.thread_time_ns()
        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Bench-CPU-us"] = str((time.thread_time_ns() - started) // 1000)
        response["X-Bench-Queries"] = str(count)
        session_ns = getattr(getattr(request, "session", None), "bench_cpu_ns", 0)
        response["X-Bench-Session-us"] = str(session_ns // 1000)
        response["X-Bench-DB-us"] = str(database_ns // 1000)
        return response
