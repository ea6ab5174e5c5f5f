"""The web plumbing every page shares and no page is about: client addresses, request bounds, session
and staff timeouts, error and health pages, log redaction, page memory and deployment checks. It
imports nothing from the intake domain; settings name what it needs from there."""
