"""`make bench`: server CPU and latency of the questionnaire, against a bare Django view and a minimal
django-formtools wizard, measured in the same run. Not part of the test suite."""
